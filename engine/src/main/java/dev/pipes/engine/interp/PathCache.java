package dev.pipes.engine.interp;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The shell's table of commands found on PATH ({@code hash}): a name is searched once, then its
 * path is reused while it stays executable; assigning PATH empties the table, as in sh.
 */
final class PathCache {
    /** A remembered command: where it was found and how often it was used since. */
    record Entry(Path path, int hits) {}

    private final Map<String, Entry> entries;
    private String pathValue;

    PathCache() {
        this(new LinkedHashMap<>(), null);
    }

    private PathCache(Map<String, Entry> entries, String pathValue) {
        this.entries = entries;
        this.pathValue = pathValue;
    }

    PathCache copy() {
        return new PathCache(new LinkedHashMap<>(entries), pathValue);
    }

    /** The remembered path of {@code name} under the current PATH, counting a hit; {@code null} when none is valid. */
    Path lookup(String name, String path) {
        forgetIfChanged(path);
        Entry entry = entries.get(name);
        if (entry == null) return null;
        if (!Files.isExecutable(entry.path())) {
            entries.remove(name);
            return null;
        }
        entries.put(name, new Entry(entry.path(), entry.hits() + 1));
        return entry.path();
    }

    void remember(String name, Path found, String path, int hits) {
        forgetIfChanged(path);
        entries.put(name, new Entry(found, hits));
    }

    boolean forget(String name) {
        return entries.remove(name) != null;
    }

    void clear() {
        entries.clear();
    }

    Map<String, Entry> entries(String path) {
        forgetIfChanged(path);
        return entries;
    }

    private void forgetIfChanged(String path) {
        if (!java.util.Objects.equals(path, pathValue)) {
            entries.clear();
            pathValue = path;
        }
    }
}
