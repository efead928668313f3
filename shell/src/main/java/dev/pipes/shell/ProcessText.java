package dev.pipes.shell;

import dev.pipes.grammar.text.ShellBytes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * pipesh's arguments and environment as the bytes the system gave it. The JVM decodes both in the
 * locale's charset (under C, every non-ASCII byte becomes {@code ?}; under UTF-8, an invalid byte
 * becomes U+FFFD), so on Linux they are read again from {@code /proc/self/cmdline} and
 * {@code /proc/self/environ} and decoded with {@link ShellBytes}, which keeps every byte.
 * Elsewhere the JVM's own strings are used.
 */
public final class ProcessText {
    private ProcessText() {}

    /** {@code args} as main received them, each replaced by its exact bytes where they can be found. */
    public static String[] arguments(String[] args) {
        List<String> raw = read(Path.of("/proc/self/cmdline"));
        if (raw == null || raw.size() < args.length) return args;
        // the application's arguments are the last ones; the JVM's options and the jar come before
        List<String> tail = raw.subList(raw.size() - args.length, raw.size());
        for (int i = 0; i < args.length; i++) {
            // an ASCII argument reads the same both ways: if one does not, this is not our command line
            if (isAscii(args[i]) && !args[i].equals(tail.get(i))) return args;
        }
        return tail.toArray(String[]::new);
    }

    /** The environment pipesh was started with. */
    public static Map<String, String> environment() {
        List<String> raw = read(Path.of("/proc/self/environ"));
        if (raw == null) return System.getenv();
        Map<String, String> env = new LinkedHashMap<>();
        for (String entry : raw) {
            int eq = entry.indexOf('=');
            if (eq > 0) env.putIfAbsent(entry.substring(0, eq), entry.substring(eq + 1));
        }
        // the JVM's view wins for a name it has and we lack (a launcher that changed it): never fewer
        if (!env.keySet().containsAll(System.getenv().keySet())) return System.getenv();
        return env;
    }

    private static List<String> read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException | RuntimeException e) {
            return null;
        }
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                out.add(ShellBytes.decode(bytes, start, i - start));
                start = i + 1;
            }
        }
        if (start < bytes.length) out.add(ShellBytes.decode(bytes, start, bytes.length - start));
        return out;
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) if (s.charAt(i) >= 0x80) return false;
        return true;
    }
}
