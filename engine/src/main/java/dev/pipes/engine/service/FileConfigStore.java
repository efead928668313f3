package dev.pipes.engine.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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
        try {
            Files.createDirectories(target.getParent());
            Path temp = Files.createTempFile(target.getParent(), ".put-", ".tmp");
            Files.writeString(temp, value, StandardCharsets.UTF_8);
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + key + " to the store " + root + ": " + e.getMessage(), e);
        }
    }

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
