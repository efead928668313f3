package dev.pipes.completions;

import java.io.File;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The executables found on a {@code PATH}, as the shell would find them. Listing a few thousand
 * files takes milliseconds, and highlighting asks on every keystroke, so the list is kept and
 * read again only when the {@code PATH} or the modification time of one of its directories changes.
 */
public final class PathCommands {
    private record Snapshot(String path, List<Long> modified, SortedSet<String> names) {}

    private volatile Snapshot snapshot = new Snapshot(null, List.of(), Collections.emptySortedSet());

    /** The names of the executables on {@code path} (a colon-separated list), sorted. */
    public SortedSet<String> names(String path) {
        Snapshot current = snapshot;
        List<Path> directories = directories(path);
        List<Long> modified = modificationTimes(directories);
        if (path.equals(current.path()) && modified.equals(current.modified())) return current.names();
        SortedSet<String> names = new TreeSet<>();
        for (Path directory : directories) list(directory, names);
        Snapshot fresh = new Snapshot(path, modified, Collections.unmodifiableSortedSet(names));
        snapshot = fresh;
        return fresh.names();
    }

    public boolean contains(String path, String name) {
        return names(path).contains(name);
    }

    private static List<Path> directories(String path) {
        List<Path> directories = new ArrayList<>();
        for (String entry : path.split(File.pathSeparator)) {
            if (!entry.isEmpty()) directories.add(Path.of(entry));
        }
        return directories;
    }

    private static List<Long> modificationTimes(List<Path> directories) {
        List<Long> times = new ArrayList<>();
        for (Path directory : directories) {
            try {
                times.add(Files.getLastModifiedTime(directory).toMillis());
            } catch (IOException e) {
                times.add(-1L); // a directory that does not exist contributes nothing
            }
        }
        return times;
    }

    private static void list(Path directory, SortedSet<String> names) {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
            for (Path entry : entries) {
                if (Files.isRegularFile(entry) && Files.isExecutable(entry)) names.add(entry.getFileName().toString());
            }
        } catch (IOException | SecurityException e) {
            // an unreadable PATH entry is skipped, as a shell's lookup would skip it
        }
    }
}
