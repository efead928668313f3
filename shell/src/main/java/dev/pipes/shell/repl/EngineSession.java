package dev.pipes.shell.repl;

import dev.pipes.completions.ShellFacts;
import dev.pipes.engine.interp.Foreground;
import dev.pipes.engine.interp.ShellState;
import java.util.List;
import java.util.OptionalInt;

/**
 * The interactive loop's view of the real interpreter (engine module): an adapter of the engine's
 * {@link Foreground}, which runs each entry, stops it on Ctrl-C, sends it to the background on
 * Ctrl-Z and collects the notices of jobs.
 */
public final class EngineSession implements ShellSession {
    private final Foreground foreground;
    private final ShellFacts facts;

    public EngineSession(ShellState state) {
        state.sourceName = "pipesh";
        this.foreground = new Foreground(state, "pipesh");
        this.facts = new EngineFacts(foreground::state);
    }

    @Override
    public int run(String entry) {
        return foreground.run(entry);
    }

    @Override
    public void rememberEarlier(List<String> entries) {
        foreground.state().history.addAll(0, entries);
    }

    @Override
    public void interruptForeground() {
        foreground.interrupt();
    }

    @Override
    public boolean backgroundForeground() {
        return foreground.background();
    }

    @Override
    public List<String> takeJobNotices() {
        return foreground.takeNotices();
    }

    @Override
    public int runningJobs() {
        return foreground.runningJobs();
    }

    @Override
    public OptionalInt exitStatus() {
        ShellState state = foreground.state();
        return state.exitRequested ? OptionalInt.of(state.lastStatus) : OptionalInt.empty();
    }

    @Override
    public int lastStatus() {
        return foreground.state().lastStatus;
    }

    @Override
    public String mode() {
        return foreground.state().services.mode();
    }

    @Override
    public ShellFacts facts() {
        return facts;
    }
}
