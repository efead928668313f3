package dev.pipes.engine.world;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;

/**
 * What one file descriptor of a command is connected to. The interpreter never owns real fds
 * beyond the JVM's 0, 1 and 2 (Java cannot dup or fork), so a descriptor is one of these values and
 * the executor turns it into a {@link ProcessBuilder.Redirect} for a process or a Java stream for a
 * builtin.
 */
public sealed interface Channel {

    /** The JVM process's own descriptor 0, 1 or 2: what a process can inherit without any copying. */
    record Native(int fd) implements Channel {}

    /** A Java stream (a captured output, a command substitution, an in-process pipe). */
    record Stream(InputStream in, OutputStream out, String name) implements Channel {
        public static Stream reading(InputStream in, String name) {
            return new Stream(in, null, name);
        }

        public static Stream writing(OutputStream out, String name) {
            return new Stream(null, out, name);
        }
    }

    /** A file opened by a redirection; outputs are always appended to (after a truncation by {@code >}). */
    record OpenFile(Path path, boolean forWriting, FileHandle handle) implements Channel {}

    /** A descriptor closed with {@code N>&-}. */
    record Closed() implements Channel {}

    /** The read end (for the stage after joint {@code index}) or write end (the stage before) of a pipeline joint. */
    record PipeEnd(int index, boolean writeEnd) implements Channel {}

    /** Opens {@code path} for reading and writing ({@code <>}); the file is created when missing. */
    public static OpenFile openReadWrite(Path path) throws IOException {
        return new OpenFile(path, false, FileHandle.openReadWrite(path));
    }

    /** Opens {@code path} for a redirection; {@code truncate} empties it first as {@code >} does. */
    public static OpenFile open(Path path, boolean forWriting, boolean truncate) throws IOException {
        return new OpenFile(path, forWriting, FileHandle.open(path, forWriting, truncate));
    }
}
