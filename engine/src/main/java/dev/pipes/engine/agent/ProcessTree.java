package dev.pipes.engine.agent;

import java.util.List;
import java.util.concurrent.TimeUnit;

/** Stops a process and everything it started: SIGTERM first, SIGKILL for what is left after a grace period. */
final class ProcessTree {
    static final long GRACE_MILLIS = 300;

    private ProcessTree() {}

    static void terminate(Process process) {
        List<ProcessHandle> tree = new java.util.ArrayList<>(process.descendants().toList());
        tree.forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(GRACE_MILLIS, TimeUnit.MILLISECONDS)) process.destroyForcibly();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    /** The name of the signal a status of 128+N stands for, when it is one a user should hear about. */
    static String signalOf(int status) {
        return switch (status) {
            case 128 + 9 -> "KILL";
            case 128 + 15 -> "TERM";
            case 128 + 11 -> "SEGV";
            case 128 + 6 -> "ABRT";
            case 128 + 1 -> "HUP";
            case 128 + 2 -> "INT";
            case 128 + 13 -> "PIPE";
            default -> null;
        };
    }
}
