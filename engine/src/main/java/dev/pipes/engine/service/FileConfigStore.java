package dev.pipes.engine.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The embedded configuration store: one file per key under a directory ($PIPES_HOME/store), each
 * written to a temporary file and renamed into place, so a crash never leaves half a value and
 * values survive restarts.
 */
public final class FileConfigStore implements ConfigStore {
    private final Path root;

    public FileConfigStore(Path root) {
        this.root = root;
    }

    public Path root() {
        return root;
    }

    @Override
    public Optional<String> get(String key) {
        try {
            return Optional.of(Files.readString(file(key), StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + key + " from the store " + root + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void put(String key, String value) {
        Path target = file(key);
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        try {
            Path temp = writeTemp(target.getParent(), bytes);
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + key + " to the store " + root + ": " + e.getMessage(), e);
        }
    }

    /**
     * Writes {@code bytes} to a new temporary file (owner-only, as the store holds token hashes) in
     * {@code dir}, made when missing. The daemon puts a record per job, so this is the short path:
     * a name unique to this process and put (no random name, no directory check first), three
     * system calls; a name left by a crashed process of the same pid falls back to a random one.
     */
    private static Path writeTemp(Path dir, byte[] bytes) throws IOException {
        Path temp = dir.resolve(".put-" + PID + "-" + PUTS.incrementAndGet() + ".tmp");
        try {
            write(temp, bytes);
        } catch (NoSuchFileException e) {
            Files.createDirectories(dir);
            write(temp, bytes);
        } catch (FileAlreadyExistsException e) {
            temp = Files.createTempFile(dir, ".put-", ".tmp");
            Files.write(temp, bytes);
        }
        return temp;
    }

    private static void write(Path temp, byte[] bytes) throws IOException {
        try (FileChannel channel = FileChannel.open(temp, CREATE_NEW_WRITE, OWNER_ONLY)) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) channel.write(buffer);
        }
    }

    private static final long PID = ProcessHandle.current().pid();
    private static final AtomicLong PUTS = new AtomicLong();
    private static final Set<StandardOpenOption> CREATE_NEW_WRITE =
            EnumSet.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    private static final FileAttribute<Set<PosixFilePermission>> OWNER_ONLY =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));

    @Override
    public boolean delete(String key) {
        try {
            return Files.deleteIfExists(file(key));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + key + " from the store " + root + ": " + e.getMessage(), e);
        }
    }

    @Override
    public SortedMap<String, String> list(String prefix) {
        ConfigKeys.checkPrefix(prefix);
        SortedMap<String, String> out = new TreeMap<>();
        Path dir = file(prefix.substring(0, prefix.length() - 1));
        if (!Files.isDirectory(dir)) return out;
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path entry : (Iterable<Path>) files::iterator) {
                String key = key(entry);
                if (key == null || !Files.isRegularFile(entry)) continue;
                get(key).ifPresent(v -> out.put(key, v));
            }
        } catch (IOException | UncheckedIOException e) {
            throw new UncheckedIOException("cannot list " + prefix + " in the store " + root + ": " + e.getMessage(),
                    e instanceof IOException io ? io : ((UncheckedIOException) e).getCause());
        }
        return out;
    }

    @Override
    public Watch watch(String prefix, Consumer<Change> listener) {
        ConfigKeys.checkPrefix(prefix);
        try {
            Files.createDirectories(root);
            return FileStoreWatch.start(this, prefix, listener);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot watch " + prefix + " in the store " + root + ": " + e.getMessage(), e);
        }
    }

    /** The key a file of the store stands for, or null for what is not a key (temporary files, the root). */
    String key(Path file) {
        Path relative = root.relativize(file);
        if (relative.toString().isEmpty()) return null;
        String key = relative.toString().replace(java.io.File.separatorChar, '/');
        try {
            ConfigKeys.check(key);
            return key;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private Path file(String key) {
        Path path = root;
        for (String segment : ConfigKeys.check(key)) path = path.resolve(segment);
        return path;
    }
}
