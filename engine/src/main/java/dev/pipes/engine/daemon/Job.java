package dev.pipes.engine.daemon;

import dev.pipes.engine.interp.ShellState;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;

/**
 * A job while the daemon holds it: its query, its output, its current record, and what cancels it.
 * A job that ended before the daemon started has no live object, only its record and output file.
 */
public final class Job {
    private final byte[] input;
    private final JobOutput output;
    private final CompletableFuture<JobRecord> ended = new CompletableFuture<>();
    private volatile JobRecord record;
    private volatile ShellState shell;
    private volatile boolean cancelRequested;
    private volatile boolean canceledByUser;

    Job(JobRecord queued, byte[] input, JobOutput output) {
        this.record = queued;
        this.input = input;
        this.output = output;
    }

    public String id() {
        return record.id();
    }

    public JobRecord record() {
        return record;
    }

    public JobOutput output() {
        return output;
    }

    /** Completes with the final record once the job ended (done, failed or canceled). */
    public CompletableFuture<JobRecord> ended() {
        return ended;
    }

    byte[] input() {
        return input;
    }

    boolean cancelRequested() {
        return cancelRequested;
    }

    /** Whether a client asked for the cancel (rather than the daemon stopping). */
    boolean cancelRequestedByUser() {
        return canceledByUser;
    }

    void markCanceledByUser() {
        canceledByUser = true;
    }

    void update(JobRecord next) {
        record = next;
    }

    void finish(JobRecord last) {
        record = last;
        output.close();
        ended.complete(last);
    }

    /** The shell the job runs in, once it started: cancelling stops what that shell started. */
    void attach(ShellState state) {
        shell = state;
        if (cancelRequested) state.processGroup.kill(false);
    }

    /** Asks the running job to stop: SIGTERM to its processes and stages now, SIGKILL if {@code force}. */
    void requestCancel(boolean force) {
        cancelRequested = true;
        ShellState state = shell;
        if (state != null) state.processGroup.kill(force);
    }

    Instant created() {
        return record.created();
    }
}
