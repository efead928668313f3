package dev.pipes.engine.world;

import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Unbuffered Java streams on the JVM's own descriptors 0, 1 and 2, for builtins. */
public final class NativeStreams {
    private static final FileInputStream STDIN = new FileInputStream(FileDescriptor.in);
    private static final FileOutputStream STDOUT = new FileOutputStream(FileDescriptor.out);
    private static final FileOutputStream STDERR = new FileOutputStream(FileDescriptor.err);
    private static final boolean PROC_FD = Files.isDirectory(Path.of("/proc/self/fd"));
    private static volatile InputStream standardInput = STDIN;

    private NativeStreams() {}

    public static InputStream input(int fd) {
        if (fd == 0) return standardInput;
        throw new IllegalArgumentException("descriptor " + fd + " is not readable");
    }

    /**
     * What builtins and service stages read as the shell's descriptor 0. The interactive shell
     * reads its terminal through the line editor's input, whose reads can be interrupted and which
     * keeps for the editor what a stopped reader left unread: a read of descriptor 0 itself cannot
     * be interrupted, and a reader that outlived its pipeline would swallow the next line typed.
     */
    public static void useStandardInput(InputStream in) {
        standardInput = in;
    }

    public static OutputStream output(int fd) {
        return switch (fd) {
            case 1 -> STDOUT;
            case 2 -> STDERR;
            default -> throw new IllegalArgumentException("descriptor " + fd + " is not writable");
        };
    }

    /**
     * A path that opens the JVM's own descriptor {@code fd} again, so that a child can get, say, the
     * shell's stderr as its stdout ({@code >&2}) without a copying thread; {@code null} off Linux.
     */
    public static Path reopenPath(int fd) {
        return PROC_FD ? Path.of("/proc/self/fd/" + fd) : null;
    }
}
