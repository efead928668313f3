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

/** The interactive loop's view of the real interpreter (engine module). */
public final class EngineSession implements ShellSession {
    private final ShellState state;
    private final Interpreter interpreter;
    private final ShellFacts facts;
    private volatile ProcessGroup foreground;

    public EngineSession(ShellState state) {
        this.state = state;
        this.interpreter = new Interpreter(state);
        this.facts = new EngineFacts(state);
        state.sourceName = "pipesh";
    }

    @Override
    public int run(String entry) {
        state.history.add(entry);
        // Each entry gets its own group, so that Ctrl-C stops exactly what this entry started.
        ProcessGroup group = new ProcessGroup();
        state.processGroup = group;
        foreground = group;
        try {
            int status = interpreter.runText(entry, "pipesh");
            // Ctrl-C gives 130 (128 + SIGINT) as in sh, whatever the stopped stages returned
            state.lastStatus = group.killed() ? 130 : status;
            return state.lastStatus;
        } finally {
            foreground = null;
            // Stopping the group interrupts the threads it ran on, this one included: the
            // interrupt is spent, and must not cancel the next prompt.
            Thread.interrupted();
        }
    }

    @Override
    public void rememberEarlier(List<String> entries) {
        state.history.addAll(0, entries);
    }

    @Override
    public void interruptForeground() {
        ProcessGroup group = foreground;
        if (group != null) group.kill(false);
    }

    /**
     * The terminal sent Ctrl-Z (SIGTSTP) to the whole foreground process group, pipesh's children
     * included. pipesh cannot yet turn a running foreground pipeline into a job, so it lets the
     * stopped processes go on (SIGCONT) in the foreground rather than leave them stopped for good.
     */
    @Override
    public boolean backgroundForeground() {
        ProcessGroup group = foreground;
        if (group == null) return false;
        List<String> command = new ArrayList<>(List.of("kill", "-CONT"));
        group.livePids().forEach(pid -> command.add(Long.toString(pid)));
        if (command.size() > 2) {
            try {
                new ProcessBuilder(command).inheritIO().start().waitFor();
            } catch (IOException e) {
                // nothing was stopped that we could resume
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return false;
    }

    @Override
    public List<String> takeJobNotices() {
        List<String> notices = new ArrayList<>();
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
        return "embedded";
    }

    @Override
    public ShellFacts facts() {
        return facts;
    }
}
