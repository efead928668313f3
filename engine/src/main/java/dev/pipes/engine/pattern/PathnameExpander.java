package dev.pipes.engine.pattern;

import dev.pipes.engine.world.NativeIo;
import dev.pipes.grammar.text.ShellBytes;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Pathname expansion (globbing) relative to the interpreter's own working directory, since Java
 * cannot change the process's one. Components without wildcards are taken literally; names that
 * start with a dot match only a pattern that starts with a literal dot; results are sorted by code
 * point (the C locale's order).
 */
public final class PathnameExpander {
    private PathnameExpander() {}

    /** bash's shopt settings that change matching: dotglob (names starting with a dot match), globstar ({@code **}). */
    public record Settings(boolean dotglob, boolean globstar) {
        public static final Settings POSIX = new Settings(false, false);
    }

    /** The paths matched by {@code pattern} (pattern text as in {@link ShPattern}), sorted; empty when none. */
    public static List<String> expand(String pattern, Path cwd) {
        return expand(pattern, cwd, Settings.POSIX);
    }

    public static List<String> expand(String pattern, Path cwd, Settings settings) {
        boolean absolute = pattern.startsWith("/");
        String[] components = pattern.split("/", -1);
        List<String> results = new ArrayList<>();
        walk(absolute ? Path.of("/") : cwd, absolute ? "/" : "", components, absolute ? 1 : 0, results, settings);
        Collections.sort(results);
        return results;
    }

    private static void walk(Path dir, String prefix, String[] components, int index, List<String> results, Settings settings) {
        if (index == components.length) {
            results.add(prefix);
            return;
        }
        String component = components[index];
        boolean last = index == components.length - 1;
        if (component.isEmpty()) {
            // a doubled or trailing slash: kept as written, and only a directory matches it
            if (!Files.isDirectory(dir)) return;
            String withSlash = prefix.endsWith("/") ? prefix : prefix + "/";
            if (last) results.add(withSlash);
            else walk(dir, withSlash, components, index + 1, results, settings);
            return;
        }
        if (settings.globstar() && component.equals("**")) {
            globstar(dir, prefix, components, index, results, settings);
            return;
        }
        if (!ShPattern.hasWildcards(component)) {
            String name = ShPattern.unescape(component);
            Path next = dir.resolve(name);
            if (!Files.exists(next, LinkOption.NOFOLLOW_LINKS)) return;
            walk(next, join(prefix, name, last), components, index + 1, results, settings);
            return;
        }
        if (!Files.isDirectory(dir)) return;
        boolean dotOk = component.startsWith(".") || component.startsWith("\\.");
        var matcher = ShPattern.compile(component);
        for (String name : names(dir)) {
            if (name.startsWith(".") && !dotOk && !settings.dotglob()) continue;
            if (!matcher.matcher(name).matches()) continue;
            if (last) {
                results.add(join(prefix, name, true)); // the name as the bytes the directory holds
                continue;
            }
            Path entry;
            try {
                entry = dir.resolve(name);
            } catch (java.nio.file.InvalidPathException e) {
                continue; // a directory Java cannot name is not descended into
            }
            if (Files.isDirectory(entry)) walk(entry, join(prefix, name, false), components, index + 1, results, settings);
        }
    }

    /** {@code **} under globstar: this directory and every directory below it (not following links), then the rest. */
    private static void globstar(Path dir, String prefix, String[] components, int index, List<String> results, Settings settings) {
        boolean last = index == components.length - 1;
        if (last) {
            if (!prefix.isEmpty()) results.add(prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix);
        } else {
            walk(dir, prefix, components, index + 1, results, settings);
        }
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) return;
        for (String name : names(dir)) {
            if (name.startsWith(".") && !settings.dotglob()) continue;
            Path entry;
            try {
                entry = dir.resolve(name);
            } catch (java.nio.file.InvalidPathException e) {
                continue;
            }
            if (Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)) globstar(entry, prefix + name + "/", components, index, results, settings);
            else if (last) results.add(prefix + name);
        }
    }

    /**
     * The names in {@code dir}, each keeping every byte ({@link ShellBytes}) where the system is
     * asked directly, else as Java lists them; an unreadable directory has none, as in sh.
     */
    private static List<String> names(Path dir) {
        List<String> names = new ArrayList<>();
        if (NativeIo.available()) {
            List<byte[]> raw = NativeIo.listDirectory(ShellBytes.encode(dir.toString()));
            if (raw != null) for (byte[] name : raw) names.add(ShellBytes.decode(name));
            return names;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path entry : entries) names.add(entry.getFileName().toString());
        } catch (IOException | SecurityException e) {
            // nothing matches
        }
        return names;
    }

    private static String join(String prefix, String name, boolean last) {
        return prefix + name + (last ? "" : "/");
    }
}
