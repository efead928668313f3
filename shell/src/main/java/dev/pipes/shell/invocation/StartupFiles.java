package dev.pipes.shell.invocation;

import dev.pipes.engine.interp.Interpreter;
import dev.pipes.engine.interp.ShellState;
import dev.pipes.engine.service.Services;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.Consumer;

/**
 * The files a shell runs before its commands, as sh and bash do: a login shell ({@code -l}) the
 * profiles {@code /etc/profile} and {@code ~/.profile}; an interactive shell its rc file,
 * {@code $PIPES_HOME/rc} (or {@code --rcfile FILE}; none with {@code --norc}). A file that does
 * not exist is skipped without a word; one that cannot be read is reported.
 */
public final class StartupFiles {
    private StartupFiles() {}

    /** The system-wide profile a login shell reads first. */
    static final Path SYSTEM_PROFILE = Path.of("/etc/profile");

    /** The files, in the order they run, for a shell started with {@code invocation}. */
    public static List<Path> of(Invocation invocation, boolean interactive, Map<String, String> environment) {
        List<Path> files = new ArrayList<>();
        if (invocation.login() && !invocation.noProfile()) {
            files.add(SYSTEM_PROFILE);
            String home = environment.getOrDefault("HOME", System.getProperty("user.home"));
            files.add(Path.of(home, ".profile"));
        }
        if (interactive && !invocation.noRc()) {
            files.add(invocation.rcFile().map(Path::of).orElseGet(() -> Services.home(environment).resolve("rc")));
        }
        return files;
    }

    /**
     * Runs each file that exists in {@code state}'s shell; {@code cwd} resolves relative names.
     * Returns the status to leave with when a file ran {@code exit}.
     */
    public static OptionalInt run(List<Path> files, Path cwd, ShellState state, Consumer<String> warnings) {
        if (files.isEmpty()) return OptionalInt.empty();
        Interpreter interpreter = new Interpreter(state);
        for (Path file : files) {
            Path resolved = cwd.resolve(file);
            if (!Files.isRegularFile(resolved)) continue;
            String text;
            try {
                text = Files.readString(resolved, StandardCharsets.UTF_8);
            } catch (IOException e) {
                warnings.accept(file + ": " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
                continue;
            }
            int status = interpreter.runText(text, file.toString());
            if (state.exitRequested) return OptionalInt.of(status);
        }
        return OptionalInt.empty();
    }
}
