package dev.pipes.engine.daemon;

import dev.pipes.engine.service.ServiceRuntime;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A deployed workflow inside the daemon: takes queries as jobs, runs at most {@code concurrency}
 * of them at once with the rest waiting in a bounded queue, keeps finished jobs for a while, and
 * records every job in the store, so that a restarted daemon still answers for every job whose id
 * a client saw: a job whose id is answered before it ends ({@code 202}) is recorded when it is
 * accepted, every job when it ends, before anyone hears of its end. A job answered only at its end
 * ({@code ?wait=1}) is written once: a daemon killed while it ran leaves no record of it, and no
 * client holds its id. The counters are written at most once a second and when the workflow stops.
 */
public final class Workflow implements AutoCloseable {
    private static final Duration CANCEL_GRACE = Duration.ofSeconds(2);

    /** Why a query was not taken. */
    public static final class Refused extends Exception {
        public enum Reason { QUEUE_FULL, STOPPING }

        private final Reason reason;

        Refused(Reason reason, String message) {
            super(message);
            this.reason = reason;
        }

        public Reason reason() {
            return reason;
        }
    }

    /** A job as the API sees it, live or finished: its record now, its output and its end. */
    public record JobView(JobRecord record, JobOutput output, CompletableFuture<JobRecord> ended) {}

    private volatile WorkflowSpec spec;
    private final PipelineShape shape;
    private final DaemonStore store;
    private final DaemonHome home;
    private final Clock clock;
    private final Consumer<String> problems;
    private final WorkflowLog log;
    private final JobRunner runner;
    private final BlockingQueue<Job> queue;
    private final Map<String, Job> live = new ConcurrentHashMap<>();
    private final FinishedJobs finished;
    private final WorkflowMetrics metrics = new WorkflowMetrics();
    private final AtomicInteger running = new AtomicInteger();
    private final List<Thread> workers = new ArrayList<>();
    private final Instant started;
    private DaemonStore.Counts counts;
    /** Whether a write of the counters is scheduled (they are written at most once per {@link #COUNTS_EVERY}). */
    private boolean countsPending;
    /** Set when the workflow is removed: a late write of its counters must not bring their key back. */
    private boolean removed;
    private static final Duration COUNTS_EVERY = Duration.ofSeconds(1);
    private volatile String stopReason;

    Workflow(WorkflowSpec spec, PipelineShape shape, DaemonStore store, DaemonHome home, ServiceRuntime services,
             Clock clock, Consumer<String> problems) {
        this.spec = spec;
        this.shape = shape;
        this.store = store;
        this.home = home;
        this.clock = clock;
        this.problems = problems;
        this.log = new WorkflowLog(home.workflowLog(spec.id()));
        this.runner = new JobRunner(spec, shape, services, log, clock);
        this.queue = spec.limits().queue() == 0 ? new SynchronousQueue<>() : new ArrayBlockingQueue<>(spec.limits().queue());
        this.finished = new FinishedJobs(spec.limits(), this::forget);
        this.started = clock.instant();
        this.counts = store.counts(spec.id());
    }

    /** Takes over the jobs the store kept (those that never ended are failed), then starts the workers. */
    void start() {
        List<JobRecord> kept = new ArrayList<>(store.jobs(spec.id(), problems));
        kept.sort(Comparator.comparing(JobRecord::created));
        for (JobRecord job : kept) {
            if (!job.status().ended()) {
                job = job.ended(JobStatus.FAILED, clock.instant(), 1, "the daemon stopped before the job ended",
                        job.stages(), job.shellErrors(), JobOutput.finished(outputFile(job.id())).size());
                store.putJob(job);
            }
            finished.add(job);
        }
        finished.expire(clock.instant());
        for (int i = 0; i < spec.limits().concurrency(); i++) {
            Thread worker = Thread.ofPlatform().name("pipes-job-" + spec.name() + "-" + i).daemon()
                    .stackSize(dev.pipes.engine.interp.Interpreter.STACK_BYTES).unstarted(this::work);
            workers.add(worker);
            worker.start();
        }
    }

    public WorkflowSpec spec() {
        return spec;
    }

    void updateSpec(WorkflowSpec next) {
        spec = next;
    }

    public PipelineShape shape() {
        return shape;
    }

    public Instant started() {
        return started;
    }

    public Path logFile() {
        return log.file();
    }

    /** Accepts a query as a job whose id the client gets before its end: see {@link #submit(byte[], boolean)}. */
    public Job submit(byte[] query) throws Refused {
        return submit(query, true);
    }

    /**
     * Accepts a query as a new job and queues it. {@code announced}: the client gets the job's id
     * before it ends, so it is recorded as queued now (a restarted daemon then answers that it
     * failed); otherwise its only record is written when it ends.
     * @throws Refused when the queue is full (the API answers 429) or the workflow is stopping
     */
    public Job submit(byte[] query, boolean announced) throws Refused {
        if (stopReason != null) throw new Refused(Refused.Reason.STOPPING, "the workflow is stopping");
        JobRecord record = JobRecord.queued(Ids.job(), spec.id(), clock.instant(), query.length);
        Job job = new Job(record, query, new JobOutput(outputFile(record.id()), spec.limits().maxOutputBytes()));
        live.put(job.id(), job);
        if (announced) store.putJob(record);
        if (!queue.offer(job)) {
            live.remove(job.id());
            if (announced) store.removeJob(spec.id(), job.id());
            metrics.rejected();
            throw new Refused(Refused.Reason.QUEUE_FULL, "the workflow's queue is full ("
                    + spec.limits().queue() + " jobs waiting, " + spec.limits().concurrency() + " running): try again later");
        }
        return job;
    }

    /** The job with this id, live, finished or (after a restart) in the store. */
    public Optional<JobView> job(String id) {
        Job job = live.get(id);
        if (job != null) return Optional.of(new JobView(job.record(), job.output(), job.ended()));
        Optional<JobRecord> record = finished.find(id);
        if (record.isEmpty()) record = store.job(spec.id(), id).filter(r -> r.status().ended());
        return record.map(r -> new JobView(r, JobOutput.finished(outputFile(r.id())), CompletableFuture.completedFuture(r)));
    }

    /** The outcome of a cancel request. */
    public enum CancelResult { CANCELED, ALREADY_ENDED, UNKNOWN }

    /** Cancels a queued or running job; returns once it is asked to stop (see {@link Job#ended()}). */
    public CancelResult cancel(String id) {
        Job job = live.get(id);
        if (job == null) return job(id).isPresent() ? CancelResult.ALREADY_ENDED : CancelResult.UNKNOWN;
        if (job.record().status().ended()) return CancelResult.ALREADY_ENDED;
        job.markCanceledByUser();
        if (queue.remove(job)) {
            job.requestCancel(false);
            end(job, job.record().ended(JobStatus.CANCELED, clock.instant(), 143, "canceled before it started",
                    List.of(), "", 0));
            return CancelResult.CANCELED;
        }
        job.requestCancel(false);
        CompletableFuture.delayedExecutor(CANCEL_GRACE.toMillis(), TimeUnit.MILLISECONDS).execute(() -> {
            if (!job.ended().isDone()) job.requestCancel(true);
        });
        return CancelResult.CANCELED;
    }

    /** The latest jobs, newest first: live ones, then finished ones. */
    public List<JobRecord> recentJobs(int max) {
        List<JobRecord> out = new ArrayList<>();
        live.values().stream().map(Job::record).sorted(Comparator.comparing(JobRecord::created).reversed())
                .limit(max).forEach(out::add);
        if (out.size() < max) out.addAll(finished.latest(max - out.size()));
        return out;
    }

    public int queuedCount() {
        return queue.size();
    }

    public int runningCount() {
        return running.get();
    }

    public synchronized DaemonStore.Counts counts() {
        return counts;
    }

    public String metrics() {
        return metrics.render(spec.name(), queuedCount(), runningCount(), counts());
    }

    /** Forgets finished jobs whose time is up. */
    void sweep() {
        finished.expire(clock.instant());
    }

    private void work() {
        while (stopReason == null) {
            Job job;
            try {
                job = queue.take();
            } catch (InterruptedException e) {
                return;
            }
            running.incrementAndGet();
            JobRecord last;
            try {
                last = runner.run(job);
            } catch (RuntimeException | Error e) {
                last = job.record().ended(JobStatus.FAILED, clock.instant(), 1, "internal error: " + e, List.of(), "",
                        job.output().size());
            } finally {
                running.decrementAndGet();
            }
            String reason = stopReason;
            if (reason != null && last.status() == JobStatus.CANCELED && !job.cancelRequestedByUser()) {
                last = last.ended(JobStatus.FAILED, last.ended(), last.exitStatus(), reason, last.stages(),
                        last.shellErrors(), last.outputBytes());
            }
            end(job, last);
        }
    }

    private void end(Job job, JobRecord last) {
        try {
            store.putJob(last);
        } catch (RuntimeException e) {
            problems.accept("cannot record job " + last.id() + " of " + spec.name() + ": " + e.getMessage());
        }
        finished.add(last);
        live.remove(job.id());
        metrics.ended(last, Duration.between(last.created(), last.ended()).toNanos() / 1e9);
        synchronized (this) {
            counts = switch (last.status()) {
                case DONE -> new DaemonStore.Counts(counts.done() + 1, counts.failed(), counts.canceled());
                case CANCELED -> new DaemonStore.Counts(counts.done(), counts.failed(), counts.canceled() + 1);
                default -> new DaemonStore.Counts(counts.done(), counts.failed() + 1, counts.canceled());
            };
            if (!countsPending) {
                countsPending = true;
                CompletableFuture.delayedExecutor(COUNTS_EVERY.toMillis(), TimeUnit.MILLISECONDS).execute(this::writeCounts);
            }
        }
        // last: whoever waits for the job (?wait=1) must find the workflow already past its end
        // (older jobs evicted, counters and metrics updated)
        job.finish(last);
    }

    /** Writes the counters as they are now (the latest of the jobs that ended since the last write). */
    private synchronized void writeCounts() {
        if (!countsPending || removed) return;
        countsPending = false;
        try {
            store.putCounts(spec.id(), counts);
        } catch (RuntimeException e) {
            problems.accept("cannot record the counters of " + spec.name() + ": " + e.getMessage());
        }
    }

    private void forget(JobRecord job) {
        try {
            store.removeJob(spec.id(), job.id());
        } catch (RuntimeException e) {
            problems.accept("cannot forget job " + job.id() + ": " + e.getMessage());
        }
        JobOutput.delete(outputFile(job.id()));
    }

    private Path outputFile(String jobId) {
        return home.outputDir(spec.id()).resolve(jobId);
    }

    /**
     * Stops taking queries, fails the queued jobs and stops the running ones with {@code reason}
     * (their records say so), and waits a moment for them to end.
     */
    public void stop(String reason) {
        if (stopReason != null) return;
        stopReason = reason;
        for (Job job; (job = queue.poll()) != null; ) {
            end(job, job.record().ended(JobStatus.FAILED, clock.instant(), 1, reason, List.of(), "", 0));
        }
        for (Job job : live.values()) job.requestCancel(false);
        workers.forEach(Thread::interrupt);
        long deadline = System.nanoTime() + CANCEL_GRACE.toNanos();
        for (Job job : live.values()) {
            try {
                job.ended().get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (Exception e) {
                job.requestCancel(true);
            }
        }
        writeCounts();
        log.close();
    }

    /** Stops the workflow and deletes everything it kept: jobs, outputs, log and its record. */
    public void remove() {
        stop("the workflow was removed");
        synchronized (this) {
            removed = true;
        }
        store.remove(spec.id());
        deleteTree(home.outputDir(spec.id()));
        deleteTree(log.file());
        deleteTree(log.file().resolveSibling(log.file().getFileName() + ".1"));
    }

    @Override
    public void close() {
        stop("the daemon stopped while the job ran");
    }

    private static void deleteTree(Path path) {
        if (!Files.exists(path)) return;
        try (var walk = Files.walk(path)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    // left behind; nothing refers to it any more
                }
            });
        } catch (IOException e) {
            // as above
        }
    }
}
