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
    private static volatile InputStream streamedInput = STDIN;

    private NativeStreams() {}

    public static InputStream input(int fd) {
        if (fd == 0) return STDIN;
        throw new IllegalArgumentException("descriptor " + fd + " is not readable");
    }

    /**
     * Descriptor 0 for a thread that copies it into a pipeline (the input of a service stage). Such
     * a copy can outlive its pipeline: a read of a terminal cannot be interrupted, so the thread
     * would take the next line typed at the prompt. The interactive shell therefore installs a
     * reader that can be stopped ({@link StoppableInput}); builtins read descriptor 0 itself
     * ({@link #input}), a byte at a time, and never read past what they need.
     */
    public static InputStream streamedInput() {
        return streamedInput;
    }

    public static void useStreamedInput(InputStream in) {
        streamedInput = in;
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
