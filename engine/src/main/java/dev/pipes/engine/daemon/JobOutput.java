package dev.pipes.engine.daemon;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * A job's standard output, kept in a file as it is produced (memory stays bounded whatever its
 * size) so that readers can follow it while the job runs and fetch it after a restart. Writing
 * past the job's limit fails the write (the last stage sees a write error, as with a full disk)
 * and marks the output as overflowed.
 */
public final class JobOutput extends OutputStream {
    private final Path file;
    private final long limit;
    private FileChannel channel;
    private long size;
    private boolean closed;
    private boolean overflowed;
    private List<Runnable> waiting = new ArrayList<>();

    /** A new, empty output; the file is made on the first write. */
    public JobOutput(Path file, long limit) {
        this.file = file;
        this.limit = limit;
    }

    /** The output of a job that ended earlier (perhaps before a restart): complete, read-only. */
    public static JobOutput finished(Path file) {
        JobOutput output = new JobOutput(file, 0);
        try {
            output.size = Files.size(file);
        } catch (IOException e) {
            output.size = 0; // never written: an empty output
        }
        output.closed = true;
        return output;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        List<Runnable> wake;
        synchronized (this) {
            if (closed) throw new IOException("the job's output is closed");
            int allowed = (int) Math.min(length, limit - size);
            if (allowed > 0) {
                if (channel == null) channel = open(file);
                ByteBuffer buffer = ByteBuffer.wrap(bytes, offset, allowed);
                while (buffer.hasRemaining()) channel.write(buffer);
                size += allowed;
            }
            if (allowed < length) overflowed = true;
            wake = takeWaiting();
        }
        wake.forEach(Runnable::run);
        if (overflowed) throw new IOException("the job's output exceeds its limit of " + limit + " bytes");
    }

    /** Opens the output file, making its directory only when it is missing (not checked per job). */
    private static FileChannel open(Path file) throws IOException {
        try {
            return FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
        } catch (NoSuchFileException e) {
            Files.createDirectories(file.getParent());
            return FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
        }
    }

    /** No more output: readers that follow it see its end. */
    @Override
    public void close() {
        List<Runnable> wake;
        synchronized (this) {
            if (closed) return;
            closed = true;
            try {
                if (channel != null) channel.close();
            } catch (IOException e) {
                // the bytes written are in the file already
            }
            wake = takeWaiting();
        }
        wake.forEach(Runnable::run);
    }

    public synchronized long size() {
        return size;
    }

    public synchronized boolean closed() {
        return closed;
    }

    public synchronized boolean overflowed() {
        return overflowed;
    }

    /**
     * Up to {@code max} bytes from {@code position}; empty at the current end. Reads the file
     * directly, so it works while the job writes and after it ended.
     */
    public byte[] read(long position, int max) {
        long available;
        synchronized (this) {
            available = size - position;
        }
        if (available <= 0) return new byte[0];
        ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(max, available));
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
            while (buffer.hasRemaining()) {
                if (in.read(buffer, position + buffer.position()) < 0) break;
            }
        } catch (NoSuchFileException e) {
            return new byte[0];
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the job's output " + file + ": " + e.getMessage(), e);
        }
        buffer.flip();
        byte[] out = new byte[buffer.remaining()];
        buffer.get(out);
        return out;
    }

    /** The whole output (for small results: the caller checks {@link #size()} first). */
    public byte[] readAll() {
        return read(0, (int) Math.min(Integer.MAX_VALUE - 16, size()));
    }

    /**
     * Runs {@code wake} once there is more than {@code position} bytes or the output is closed (at
     * once if that is already so), on the thread that wrote or closed it.
     */
    public void whenBeyond(long position, Runnable wake) {
        synchronized (this) {
            if (size <= position && !closed) {
                waiting.add(wake);
                return;
            }
        }
        wake.run();
    }

    /** Deletes the file (the job expired or its workflow was removed). */
    public static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a file left behind is removed with its workflow's directory
        }
    }

    private List<Runnable> takeWaiting() {
        if (waiting.isEmpty()) return List.of();
        List<Runnable> out = waiting;
        waiting = new ArrayList<>();
        return out;
    }
}
