package dev.pipes.engine.interp;

import dev.pipes.engine.world.ProcessGroup;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A pipeline started with {@code &}: its number ({@code %N}), its text, the id reported by
 * {@code $!}, the processes it started and the statuses it ends with.
 */
public final class Job {
    private final int id;
    private final String command;
    private final long pid;
    private final ProcessGroup group;
    private final CompletableFuture<List<Integer>> statuses;
    private volatile boolean reported;

    Job(int id, String command, long pid, ProcessGroup group, CompletableFuture<List<Integer>> statuses) {
        this.id = id;
        this.command = command;
        this.pid = pid;
        this.group = group;
        this.statuses = statuses;
    }

    public int id() {
        return id;
    }

    public String command() {
        return command;
    }

    public long pid() {
        return pid;
    }

    public ProcessGroup group() {
        return group;
    }

    public boolean done() {
        return statuses.isDone();
    }

    /** Waits for the job and returns the status of its last stage (128+signal when it was killed). */
    /** Completes when the job has finished (for {@code wait -n}). */
    CompletableFuture<List<Integer>> finished() {
        return statuses;
    }

    public int waitFor() throws InterruptedException {
        try {
            List<Integer> all = statuses.get();
            return all.get(all.size() - 1);
        } catch (java.util.concurrent.ExecutionException e) {
            return 1;
        }
    }

    boolean reported() {
        return reported;
    }

    void markReported() {
        reported = true;
    }

    /** {@code jobs} prints {@code [N]+  Running  text} or {@code Done}. */
    public String describe(boolean current) {
        String state;
        if (!done()) state = "Running";
        else {
            int status = statuses.join().get(statuses.join().size() - 1);
            state = group.killed() ? "Terminated" : status == 0 ? "Done" : "Exit " + status;
        }
        return "[" + id + "]" + (current ? "+" : " ") + "  " + String.format("%-24s", state) + command
                + (done() ? "" : " &");
    }
}
