package dev.pipes.engine.world;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The processes started on behalf of one job (or of the foreground shell), so that {@code kill %N}
 * reaches every process the job started, including those started by its in-process stages.
 */
public final class ProcessGroup {
    private final List<Process> processes = new CopyOnWriteArrayList<>();
    private final List<Thread> threads = new CopyOnWriteArrayList<>();
    private volatile boolean killed;

    public void add(Process process) {
        processes.add(process);
        if (killed) terminate(process, false);
    }

    public void add(Thread thread) {
        threads.add(thread);
        if (killed) thread.interrupt();
    }

    public boolean killed() {
        return killed;
    }

    /** Sends SIGTERM ({@code force}: SIGKILL) to every live process and its descendants; interrupts threads. */
    public void kill(boolean force) {
        killed = true;
        for (Process process : processes) terminate(process, force);
        for (Thread thread : threads) thread.interrupt();
    }

    /** The process ids still alive (for {@code jobs -p} and tests). */
    public List<Long> livePids() {
        return processes.stream().filter(Process::isAlive).map(Process::pid).toList();
    }

    private static void terminate(Process process, boolean force) {
        process.descendants().forEach(h -> {
            if (force) h.destroyForcibly();
            else h.destroy();
        });
        if (force) process.destroyForcibly();
        else process.destroy();
    }
}
