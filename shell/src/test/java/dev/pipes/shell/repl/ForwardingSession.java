package dev.pipes.shell.repl;

import dev.pipes.completions.ShellFacts;
import java.util.List;
import java.util.OptionalInt;

/** A session that passes everything to another one; tests override what they need to change. */
class ForwardingSession implements ShellSession {
    private final ShellSession delegate;

    ForwardingSession(ShellSession delegate) {
        this.delegate = delegate;
    }

    @Override
    public int run(String entry) {
        return delegate.run(entry);
    }

    @Override
    public void interruptForeground() {
        delegate.interruptForeground();
    }

    @Override
    public boolean backgroundForeground() {
        return delegate.backgroundForeground();
    }

    @Override
    public List<String> takeJobNotices() {
        return delegate.takeJobNotices();
    }

    @Override
    public int runningJobs() {
        return delegate.runningJobs();
    }

    @Override
    public OptionalInt exitStatus() {
        return delegate.exitStatus();
    }

    @Override
    public int lastStatus() {
        return delegate.lastStatus();
    }

    @Override
    public String mode() {
        return delegate.mode();
    }

    @Override
    public ShellFacts facts() {
        return delegate.facts();
    }
}
