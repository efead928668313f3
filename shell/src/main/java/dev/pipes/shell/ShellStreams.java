package dev.pipes.shell;

import dev.pipes.engine.world.Channel;
import dev.pipes.engine.world.FdTable;
import java.io.ByteArrayInputStream;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;

/**
 * Where a pipesh run reads and writes. The JVM's own System.out and System.err stand for the real
 * descriptors 1 and 2, so commands inherit them and a pipeline's bytes never pass through Java;
 * any other stream (a test's buffer) is reached through copying pipes.
 */
public record ShellStreams(InputStream in, FdTable fds) {

    /** The process's real descriptors 0, 1 and 2. */
    public static ShellStreams nativeStdio() {
        return new ShellStreams(new FileInputStream(FileDescriptor.in), FdTable.nativeStdio());
    }

    /** Java streams (tests, embedding): standard input is {@code in}. */
    public static ShellStreams captured(InputStream in, OutputStream out, OutputStream err) {
        return new ShellStreams(in, FdTable.of(Channel.Stream.reading(in, "stdin"), Channel.Stream.writing(out, "stdout"),
                Channel.Stream.writing(err, "stderr")));
    }

    /** The real descriptors when given the JVM's own System.out and System.err, else captured streams. */
    public static ShellStreams of(PrintStream out, PrintStream err) {
        if (out == System.out && err == System.err) return nativeStdio();
        return captured(new ByteArrayInputStream(new byte[0]), out, err);
    }
}
