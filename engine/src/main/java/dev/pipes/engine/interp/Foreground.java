package dev.pipes.engine.interp;

import dev.pipes.engine.world.ProcessGroup;
import dev.pipes.engine.world.ProcessSignals;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The foreground of an interactive shell: entries run one at a time, each can be stopped (Ctrl-C,
 * {@link #interrupt}) or sent to the background as a job (Ctrl-Z, {@link #background}), and the
 * notices of jobs are collected for the next prompt. A REPL adapts this to its terminal.
 *
 * <p>Java cannot fork, so each entry runs on a worker thread that {@link #run} waits for. Ctrl-Z
 * stops the waiting: the worker finishes the entry as a background job, and the shell goes on at
 * once. As in bash, where the job is a forked copy of the shell, the job's later changes to the
 * shell (variables, {@code cd}, functions, its {@code $?}) must not reach it: the worker keeps the
 * state it ran on to itself, and the shell goes on with a copy taken when the entry started, so
 * what the entry changed is forgotten as after {@code ( entry ) &}; only the jobs it started are
 * kept. The job records the entry's final status.
 */
public final class Foreground {
    /** Ids of jobs without a live process of their own: above Linux's pid_max and the ids {@code &} gives. */
    private static final AtomicLong SYNTHETIC_PIDS = new AtomicLong(4_194_304L + 1_000_000L);

    private volatile ShellState state;
    private volatile Interpreter interpreter;
    private final String sourceName;
    private final List<String> pendingNotices = new CopyOnWriteArrayList<>();
    private Entry running; // guarded by this

    /** The foreground of the shell {@code state}; entries are reported under {@code sourceName}. */
    public Foreground(ShellState state, String sourceName) {
        this.state = state;
        this.interpreter = new Interpreter(state);
        this.sourceName = sourceName;
    }

    /** The shell's state now (after a Ctrl-Z, the copy the shell went on with). */
    public ShellState state() {
        return state;
    }

    /** One entry running on its worker; either it ends in the foreground, or it becomes a job. */
    private static final class Entry {
        final String text;
        final ShellState state;
        final ProcessGroup group;
        /** Completed with the entry's status when it ends in the foreground, or with {@code null} when it went to the background. */
        final CompletableFuture<Integer> outcome = new CompletableFuture<>();
        /** The job's statuses, once it went to the background. */
        CompletableFuture<List<Integer>> jobStatuses; // guarded by the Foreground
        Job job; // guarded by the Foreground

        Entry(String text, ShellState state, ProcessGroup group) {
            this.text = text;
            this.state = state;
            this.group = group;
        }
    }

    /**
     * Runs one entry and returns its status, or 0 when it was sent to the background (the status
     * of {@code bg}), as soon as it was. Ctrl-C gives 130.
     */
    public int run(String text) {
        ShellState shell = state;
        shell.history.add(text);
        // What the shell goes on with if this entry is sent to the background (see the class comment).
        ShellState before = shell.copy();
        // Each entry gets its own group, so that Ctrl-C stops exactly what this entry started.
        ProcessGroup group = new ProcessGroup();
        shell.processGroup = group;
        Entry entry = new Entry(text, shell, group);
        Interpreter runner = interpreter;
        Thread worker = Thread.ofPlatform().daemon().name("pipesh-entry").stackSize(Interpreter.STACK_BYTES).unstarted(() -> {
            int status = 1;
            try {
                status = runner.runText(text, sourceName);
            } finally {
                group.remove(Thread.currentThread());
                finished(entry, status);
            }
        });
        // In the group, kill %N (or Ctrl-C) also stops the entry's own loop between its commands.
        group.add(worker);
        synchronized (this) {
            running = entry;
        }
        worker.start();
        Integer status = entry.outcome.join();
        Job job;
        synchronized (this) {
            running = null;
            job = entry.job;
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

    /** Ctrl-C: stops every stage of the entry running in the foreground, if one runs. */
    public void interrupt() {
        Entry entry;
        synchronized (this) {
            entry = running;
        }
        if (entry != null) entry.group.kill(false);
    }

    /**
     * Ctrl-Z: the terminal sent SIGTSTP to the whole foreground process group, the shell's children
     * included: resume them (SIGCONT), make what runs a background job, and let {@link #run}
     * return. Returns false when nothing runs in the foreground. Called from a signal thread.
     */
    public boolean background() {
        synchronized (this) {
            Entry entry = running;
            if (entry == null || entry.outcome.isDone()) return false;
            try {
                ProcessSignals.send("CONT", entry.group.livePids(), ProcessBuilder.Redirect.DISCARD);
            } catch (IOException e) {
                // nothing was stopped that we could resume
            }
            List<Long> pids = entry.group.livePids();
            long pid = pids.isEmpty() ? SYNTHETIC_PIDS.incrementAndGet() : pids.get(pids.size() - 1);
            entry.jobStatuses = new CompletableFuture<>();
            Job job = entry.state.jobs.add(entry.text.strip(), pid, entry.group, entry.jobStatuses);
            entry.job = job;
            running = null; // a Ctrl-C from now on is not for the job
            // What bash prints for a job that goes on in the background (bg); queued before run
            // returns, so that the very next prompt shows it.
            pendingNotices.add("[" + job.id() + "]+ " + job.command() + " &");
            entry.outcome.complete(null);
        }
        return true;
    }

    /**
     * The notices for the next prompt: jobs sent to the background, then jobs that ended since
     * the last call ({@code [1]+  Done  sleep 10}), each once, as {@code jobs} would report them.
     */
    public List<String> takeNotices() {
        List<String> notices = new ArrayList<>(pendingNotices);
        pendingNotices.removeAll(notices);
        notices.addAll(state.jobs.takeFinishedReports());
        return notices;
    }

    /** How many background jobs still run. */
    public int runningJobs() {
        int count = 0;
        for (Job job : state.jobs.all()) if (!job.done()) count++;
        return count;
    }
}
