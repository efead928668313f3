package dev.pipes.shell.repl;

/**
 * Routes Ctrl-C and Ctrl-Z to what runs in the foreground. At the prompt the line editor handles
 * Ctrl-C itself (it drops the line); while an entry runs, Ctrl-C stops its pipeline and Ctrl-Z
 * sends it to the background, and the shell itself never stops.
 */
public final class ForegroundSignals {
    /** 128 + SIGINT: the status of an entry that Ctrl-C stopped. */
    static final int INTERRUPTED = 130;
    /** How long the shell waits for its own copy of a Ctrl-C that already stopped a command. */
    static final long LATE_INTERRUPT_WAIT_MS = 300;

    private final ShellSession session;
    private volatile boolean running;
    private boolean interruptArrived; // guarded by this

    ForegroundSignals(ShellSession session) {
        this.session = session;
    }

    void runInForeground(Runnable entry) {
        synchronized (this) {
            running = true;
            interruptArrived = false;
        }
        try {
            entry.run();
        } finally {
            synchronized (this) {
                running = false;
                awaitLateInterrupt();
                // A Ctrl-C that arrives as the entry ends must not reach the next prompt: drop the
                // thread interrupt that stopping may have left.
                Thread.interrupted();
            }
        }
    }

    /**
     * The terminal sends Ctrl-C's SIGINT to every process of its foreground group: the commands
     * the entry started and pipesh itself. A command can die of it and end the entry before the
     * JVM has delivered pipesh's own copy; delivered later, while the user types at the next
     * prompt, that copy would drop the new line. So when the entry ended as if interrupted and
     * the signal was not seen yet, wait a moment for it, and let it land here, harmlessly.
     */
    private void awaitLateInterrupt() {
        if (interruptArrived || session.lastStatus() != INTERRUPTED) return;
        long deadline = System.nanoTime() + LATE_INTERRUPT_WAIT_MS * 1_000_000;
        boolean interrupted = false;
        while (!interruptArrived) {
            long left = deadline - System.nanoTime();
            if (left <= 0) break;
            try {
                wait(Math.max(1, left / 1_000_000));
            } catch (InterruptedException e) {
                interrupted = true; // the stop of the entry itself; cleared by the caller
            }
        }
        if (interrupted) Thread.currentThread().interrupt();
    }

    /** Ctrl-C. Returns whether a foreground pipeline was there to stop. */
    public synchronized boolean interrupt() {
        interruptArrived = true;
        notifyAll();
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
