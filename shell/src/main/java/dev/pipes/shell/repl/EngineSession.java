package dev.pipes.shell.repl;

import dev.pipes.completions.ShellFacts;
import dev.pipes.engine.interp.Interpreter;
import dev.pipes.engine.interp.Job;
import dev.pipes.engine.interp.ShellState;
import dev.pipes.engine.world.ProcessGroup;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The interactive loop's view of the real interpreter (engine module).
 *
 * <p>Java cannot fork, so each entry runs on a worker thread that {@link #run} waits for. Ctrl-Z
 * ({@link #backgroundForeground}) stops the waiting: the worker finishes the entry as a background
 * job, and the shell goes on at once. As in bash, where the job is a forked copy of the shell, the
 * job's later changes to the shell (variables, {@code cd}, functions, its {@code $?}) must not
 * reach it: the worker keeps the state it ran on to itself, and the shell goes on with a copy
 * taken when the entry started, so what the entry changed is forgotten as after
 * {@code ( entry ) &}; only the jobs it started are kept. The job records the entry's final status.
 */
public final class EngineSession implements ShellSession {
    /** Ids of jobs without a live process of their own: above Linux's pid_max and the ids {@code &} gives. */
    private static final AtomicLong SYNTHETIC_PIDS = new AtomicLong(4_194_304L + 1_000_000L);

    private volatile ShellState state;
    private volatile Interpreter interpreter;
    private final ShellFacts facts;
    private final List<String> pendingNotices = new CopyOnWriteArrayList<>();
    private Entry foreground; // guarded by this

    public EngineSession(ShellState state) {
        this.state = state;
        this.interpreter = new Interpreter(state);
        this.facts = new EngineFacts(() -> this.state);
        state.sourceName = "pipesh";
    }

    /** One entry running on its worker; either it ends in the foreground, or it becomes a job. */
    private static final class Entry {
        final String text;
        final ShellState state;
        final ProcessGroup group;
        /** Completed with the entry's status when it ends in the foreground, or with {@code null} when it went to the background. */
        final CompletableFuture<Integer> outcome = new CompletableFuture<>();
        /** The job's statuses, once it went to the background. */
        CompletableFuture<List<Integer>> jobStatuses; // guarded by the session
        Job job; // guarded by the session

        Entry(String text, ShellState state, ProcessGroup group) {
            this.text = text;
            this.state = state;
            this.group = group;
        }
    }

    @Override
    public int run(String entry) {
        ShellState shell = state;
        shell.history.add(entry);
        // What the shell goes on with if this entry is sent to the background (see the class comment).
        ShellState before = shell.copy();
        // Each entry gets its own group, so that Ctrl-C stops exactly what this entry started.
        ProcessGroup group = new ProcessGroup();
        shell.processGroup = group;
        Entry running = new Entry(entry, shell, group);
        Interpreter runner = interpreter;
        Thread worker = Thread.ofPlatform().daemon().name("pipesh-entry").unstarted(() -> {
            int status = 1;
            try {
                status = runner.runText(entry, "pipesh");
            } finally {
                group.remove(Thread.currentThread());
                finished(running, status);
            }
        });
        // In the group, kill %N (or Ctrl-C) also stops the entry's own loop between its commands.
        group.add(worker);
        synchronized (this) {
            foreground = running;
        }
        worker.start();
        Integer status = running.outcome.join();
        Job job;
        synchronized (this) {
            foreground = null;
            job = running.job;
        }
        if (status != null) return status;
        // Sent to the background: the shell goes on with its state from before the entry.
        before.jobs.replaceWith(shell.jobs);
        before.lastStatus = 0;
        before.pipeStatus = List.of(0);
        before.lastBackgroundPid = Long.toString(job.pid());
        before.processGroup = new ProcessGroup();
        interpreter = new Interpreter(before);
        state = before;
        return 0;
    }

    private synchronized void finished(Entry entry, int status) {
        if (entry.jobStatuses == null) {
            // Ctrl-C gives 130 (128 + SIGINT) as in sh, whatever the stopped stages returned
            if (entry.group.killed()) status = 130;
            entry.state.lastStatus = status;
            entry.outcome.complete(status);
        } else {
            // kill %N: 143 (128 + SIGTERM), as for a job started with &
            entry.jobStatuses.complete(List.of(entry.group.killed() ? 143 : status));
        }
    }

    @Override
    public void rememberEarlier(List<String> entries) {
        state.history.addAll(0, entries);
    }

    @Override
    public void interruptForeground() {
        Entry entry;
        synchronized (this) {
            entry = foreground;
        }
        if (entry != null) entry.group.kill(false);
    }

    /**
     * The terminal sent Ctrl-Z (SIGTSTP) to the whole foreground process group, pipesh's children
     * included: resume them (SIGCONT), make what runs a background job, and let {@link #run}
     * return. Called from the terminal's signal thread.
     */
    @Override
    public boolean backgroundForeground() {
        synchronized (this) {
            Entry entry = foreground;
            if (entry == null || entry.outcome.isDone()) return false;
            resume(entry.group.livePids());
            List<Long> pids = entry.group.livePids();
            long pid = pids.isEmpty() ? SYNTHETIC_PIDS.incrementAndGet() : pids.get(pids.size() - 1);
            entry.jobStatuses = new CompletableFuture<>();
            Job job = entry.state.jobs.add(entry.text.strip(), pid, entry.group, entry.jobStatuses);
            entry.job = job;
            foreground = null; // a Ctrl-C from now on is not for the job
            // What bash prints for a job that goes on in the background (bg); queued before run
            // returns, so that the loop prints it before the very next prompt.
            pendingNotices.add("[" + job.id() + "]+ " + job.command() + " &");
            entry.outcome.complete(null);
        }
        return true;
    }

    private static void resume(List<Long> pids) {
        if (pids.isEmpty()) return;
        List<String> command = new ArrayList<>(List.of("kill", "-CONT"));
        pids.forEach(pid -> command.add(Long.toString(pid)));
        try {
            new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start().waitFor();
        } catch (IOException e) {
            // nothing was stopped that we could resume
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public List<String> takeJobNotices() {
        List<String> notices = new ArrayList<>(pendingNotices);
        pendingNotices.removeAll(notices);
        ShellState state = this.state;
        Job current = state.jobs.current();
        for (Job job : state.jobs.all()) {
            if (!job.done()) continue;
            notices.add(job.describe(job == current));
            state.jobs.remove(job);
        }
        return notices;
    }

    @Override
    public int runningJobs() {
        ShellState state = this.state;
        int running = 0;
        for (Job job : state.jobs.all()) if (!job.done()) running++;
        return running;
    }

    @Override
    public OptionalInt exitStatus() {
        return state.exitRequested ? OptionalInt.of(state.lastStatus) : OptionalInt.empty();
    }

    @Override
    public int lastStatus() {
        return state.lastStatus;
    }

    @Override
    public String mode() {
        return state.services.mode();
    }

    @Override
    public ShellFacts facts() {
        return facts;
    }
}
