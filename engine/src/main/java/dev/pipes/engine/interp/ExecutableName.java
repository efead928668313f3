package dev.pipes.engine.interp;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What to give ProcessBuilder as the command: Java uses it both as the file to run and as the
 * process's {@code argv[0]}. A bare name makes messages read {@code cat: x: No such file} rather
 * than {@code /usr/bin/cat: ...}, but Java searches the JVM's own PATH for it; so the bare name is
 * used only when that search finds the very file the shell resolved, and the full path otherwise.
 */
final class ExecutableName {
    private static final String[] JVM_PATH = System.getenv().getOrDefault("PATH", "").split(":");

    private ExecutableName() {}

    static String forExec(String typed, Path resolved) {
        if (typed.contains("/")) return typed.startsWith("/") ? typed : resolved.toString();
        for (String dir : JVM_PATH) {
            if (dir.isEmpty()) continue;
            Path candidate = Path.of(dir, typed);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return sameFile(candidate, resolved) ? typed : resolved.toString();
            }
        }
        return resolved.toString();
    }

    private static boolean sameFile(Path a, Path b) {
        try {
            return Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }
}
