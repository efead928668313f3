package dev.pipes.engine.world;

import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;

/**
 * An open file behind a redirection, shared by every descriptor duplicated from it. Outputs are
 * opened in append mode (after truncation for {@code >}) so that a builtin writing through this
 * handle and a process appending to the same path never overwrite each other.
 */
public final class FileHandle implements AutoCloseable {
    private final FileInputStream in;
    private final FileOutputStream out;
    private final java.io.RandomAccessFile both;

    private FileHandle(FileInputStream in, FileOutputStream out, java.io.RandomAccessFile both) {
        this.in = in;
        this.out = out;
        this.both = both;
    }

    /** {@code <>}: one open file for reading and writing, both sharing one offset as in sh. */
    static FileHandle openReadWrite(Path path) throws IOException {
        java.io.RandomAccessFile file = new java.io.RandomAccessFile(path.toFile(), "rw");
        return new FileHandle(new FileInputStream(file.getFD()), new FileOutputStream(file.getFD()), file);
    }

    static FileHandle open(Path path, boolean forWriting, boolean truncate) throws IOException {
        if (!forWriting) return new FileHandle(new FileInputStream(path.toFile()), null, null);
        // a FIFO or device is opened once: a second open of a FIFO would pair with another reader
        // (or wait for one), and there is nothing to truncate
        boolean special = java.nio.file.Files.exists(path) && !java.nio.file.Files.isRegularFile(path)
                && !java.nio.file.Files.isDirectory(path);
        if (truncate && !special) new FileOutputStream(path.toFile(), false).close();
        return new FileHandle(null, new FileOutputStream(path.toFile(), true), null);
    }

    private volatile Runnable alsoClose;

    /** Something to close with this file (the descriptor a {@code /proc} path of it stands on). */
    void alsoClose(Runnable action) {
        alsoClose = action;
    }

    public InputStream in() {
        return in;
    }

    public OutputStream out() {
        return out;
    }

    /** Bytes of the file already read through this handle (0 for an output). */
    public long readPosition() {
        try {
            return in == null ? 0 : in.getChannel().position();
        } catch (IOException e) {
            return 0;
        }
    }

    /** Moves the read position to the end: a process that was given the file by path consumed it. */
    public void markConsumed() {
        if (in == null) return;
        try {
            in.getChannel().position(in.getChannel().size());
        } catch (IOException e) {
            // a file that cannot seek simply keeps its position
        }
    }

    /** The file as a seekable stream, so that {@code read} can read ahead and step back as sh does. */
    public FileInputStream rawInput() {
        return in;
    }

    @Override
    public void close() {
        Runnable extra = alsoClose;
        alsoClose = null;
        if (extra != null) extra.run();
        try {
            if (both != null) both.close();
            else if (in != null) in.close();
            else if (out != null) out.close();
        } catch (IOException e) {
            // closing a redirection's file cannot be reported anywhere useful
        }
    }
}
