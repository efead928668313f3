package dev.pipes.shell.repl;

/**
 * Routes Ctrl-C and Ctrl-Z to what runs in the foreground. At the prompt the line editor handles
 * Ctrl-C itself (it drops the line); while an entry runs, Ctrl-C stops its pipeline and Ctrl-Z
 * sends it to the background, and the shell itself never stops.
 */
public final class ForegroundSignals {
    private final ShellSession session;
    private volatile boolean running;

    ForegroundSignals(ShellSession session) {
        this.session = session;
    }

    void runInForeground(Runnable entry) {
        running = true;
        try {
            entry.run();
        } finally {
            // A Ctrl-C that arrives as the entry ends must not reach the next prompt: wait for an
            // interrupt in progress, then drop the thread interrupt that stopping may have left.
            synchronized (this) {
                running = false;
                Thread.interrupted();
            }
        }
    }

    /** Ctrl-C. Returns whether a foreground pipeline was there to stop. */
    public synchronized boolean interrupt() {
        if (!running) return false;
        session.interruptForeground();
        return true;
    }

    /** Ctrl-Z. Returns whether a foreground pipeline went to the background. */
    public boolean suspend() {
        return running && session.backgroundForeground();
    }

    public boolean foregroundRunning() {
        return running;
    }
}
