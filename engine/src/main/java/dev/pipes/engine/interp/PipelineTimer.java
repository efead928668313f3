package dev.pipes.engine.interp;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * bash's {@code time}: the real time a pipeline took, and the CPU time of this process and its
 * waited-for children from /proc (this process includes the JVM's own threads: a rough figure).
 */
final class PipelineTimer {
    private static final double TICKS = 100.0;
    private final long startNanos = System.nanoTime();
    private final long[] startCpu = cpu();

    /** The report bash prints on standard error: its default format, or {@code -p}'s. */
    String report(boolean posix) {
        double real = (System.nanoTime() - startNanos) / 1e9;
        long[] end = cpu();
        double user = (end[0] - startCpu[0]) / TICKS;
        double sys = (end[1] - startCpu[1]) / TICKS;
        if (posix) return String.format("real %.2f%nuser %.2f%nsys %.2f%n", real, user, sys);
        return String.format("%nreal\t%s%nuser\t%s%nsys\t%s%n", clock(real), clock(user), clock(sys));
    }

    private static String clock(double seconds) {
        long minutes = (long) (seconds / 60);
        return String.format("%dm%.3fs", minutes, seconds - minutes * 60);
    }

    /** {user, system} ticks of this process plus its waited-for children; zeros where /proc is missing. */
    private static long[] cpu() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // after "pid (comm) ": state is field 3, utime 14, stime 15, cutime 16, cstime 17
            return new long[] {Long.parseLong(f[11]) + Long.parseLong(f[13]), Long.parseLong(f[12]) + Long.parseLong(f[14])};
        } catch (IOException | RuntimeException e) {
            return new long[] {0, 0};
        }
    }
}
