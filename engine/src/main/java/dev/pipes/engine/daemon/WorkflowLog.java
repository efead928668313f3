package dev.pipes.engine.daemon;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The standard error of a workflow's stages, one line per entry, in one file per workflow
 * ({@code pipes logs} reads it, {@code -f} follows it):
 * <pre>2026-01-02T03:04:05.678Z JOB INDEX NAME: the line</pre>
 * The file is rotated at {@link #ROTATE_BYTES} (one older file, {@code .1}, is kept).
 */
public final class WorkflowLog implements AutoCloseable {
    static final long ROTATE_BYTES = 16L << 20;

    private final Path file;
    private FileChannel channel;
    private long size;

    public WorkflowLog(Path file) {
        this.file = file;
    }

    public Path file() {
        return file;
    }

    /** Appends one line of stage {@code index} ({@code 0} for the job's shell) of job {@code jobId}. */
    public void append(String jobId, int index, String stageName, String line) {
        String entry = Instant.now() + " " + jobId + " " + index + " " + stageName.replace(' ', '_') + ": " + line + "\n";
        byte[] bytes = entry.getBytes(StandardCharsets.UTF_8);
        synchronized (this) {
            try {
                if (channel == null) open();
                if (size + bytes.length > ROTATE_BYTES) rotate();
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) size += channel.write(buffer);
            } catch (IOException e) {
                // a full disk must not fail the job; the stderr tail in the job's record remains
            }
        }
    }

    private void open() throws IOException {
        Files.createDirectories(file.getParent());
        channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        size = channel.size();
    }

    private void rotate() throws IOException {
        channel.close();
        Files.move(file, file.resolveSibling(file.getFileName() + ".1"), StandardCopyOption.REPLACE_EXISTING);
        open();
    }

    @Override
    public synchronized void close() {
        try {
            if (channel != null) channel.close();
        } catch (IOException e) {
            // nothing more to write
        }
        channel = null;
    }

    /** One parsed entry. */
    public record Entry(String time, String jobId, int index, String stage, String line) {
        /** Parses a line of the file; empty for a line that is not an entry. */
        public static Optional<Entry> parse(String text) {
            String[] parts = text.split(" ", 5);
            if (parts.length < 5 || !parts[3].endsWith(":")) {
                if (parts.length == 4 && parts[3].endsWith(":")) return Optional.of(new Entry(parts[0], parts[1], index(parts[2]), strip(parts[3]), ""));
                return Optional.empty();
            }
            return Optional.of(new Entry(parts[0], parts[1], index(parts[2]), strip(parts[3]), parts[4]));
        }

        private static int index(String text) {
            try {
                return Integer.parseInt(text);
            } catch (NumberFormatException e) {
                return -1;
            }
        }

        private static String strip(String stage) {
            return stage.substring(0, stage.length() - 1);
        }

        /** Whether {@code filter} (a stage's name or its number, 1 for the first) selects this entry. */
        public boolean matches(String filter) {
            return filter == null || stage.equals(filter) || Integer.toString(index).equals(filter);
        }
    }

    /** The entries of a log file and of its rotated predecessor, oldest first. */
    public static List<Entry> read(Path file) throws IOException {
        List<Entry> out = new ArrayList<>();
        for (Path part : List.of(file.resolveSibling(file.getFileName() + ".1"), file)) {
            if (!Files.isRegularFile(part)) continue;
            try (InputStream in = Files.newInputStream(part);
                 BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String line; (line = reader.readLine()) != null; ) Entry.parse(line).ifPresent(out::add);
            }
        }
        return out;
    }
}
