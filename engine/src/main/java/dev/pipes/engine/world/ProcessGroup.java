package dev.pipes.engine.world;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The live processes and in-process stage threads started on behalf of one job (or of the
 * foreground shell), so that {@code kill %N} reaches every process the job started, including
 * those started by its in-process stages. Members leave the group when they end, so a long-lived
 * shell does not accumulate them.
 */
public final class ProcessGroup {
    private final Set<Process> processes = ConcurrentHashMap.newKeySet();
    private final Set<Thread> threads = ConcurrentHashMap.newKeySet();
    private volatile boolean killed;
    private volatile boolean interrupted;

    public void add(Process process) {
        processes.add(process);
        if (killed || interrupted) terminate(process, false);
    }

    public void add(Thread thread) {
        threads.add(thread);
        if (killed || interrupted) thread.interrupt();
    }

    /** A process or thread that ended leaves the group. */
    public void remove(Process process) {
        processes.remove(process);
    }

    public void remove(Thread thread) {
        threads.remove(thread);
    }

    public boolean killed() {
        return killed;
    }

    /** Whether the group was told to stop ({@code kill %N}, or Ctrl-C of the foreground pipeline): its members' deaths are expected. */
    public boolean stopping() {
        return killed || interrupted;
    }

    /**
     * Ends the group for good (a job killed with {@code kill %N}): SIGTERM ({@code force}: SIGKILL)
     * to every live process and its descendants, an interrupt to every stage thread, and whatever
     * joins the group later is stopped at once.
     */
    public void kill(boolean force) {
        killed = true;
        terminateLive(force);
    }

    /**
     * Stops what runs now without ending the group (what a terminal's Ctrl-C does to the foreground
     * pipeline while the shell itself goes on).
     */
    public void terminateLive(boolean force) {
        interrupted = true; // a process being started right now is stopped as it joins
        for (Process process : processes) terminate(process, force);
        for (Thread thread : threads) thread.interrupt();
    }

    /** A new foreground command starts: an earlier {@link #terminateLive} no longer applies. */
    public void clearInterrupt() {
        interrupted = false;
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
