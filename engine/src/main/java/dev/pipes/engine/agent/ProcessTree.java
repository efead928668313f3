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
}
