package dev.pipes.completions.spec;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Finds the spec of a command, one file per command ({@code NAME.spec}): first in the user's
 * directory ({@code ~/.pipes/completions}), then among those the program provides and those shipped
 * with pipes. Files are
 * read when first needed and kept; a broken user file is reported once and then ignored so that
 * the shipped spec (or none) applies.
 */
public final class SpecLoader {
    static final String RESOURCE_DIRECTORY = "/dev/pipes/completions/specs/";

    private final Path userDirectory;
    private final Consumer<String> warnings;
    private final Map<String, Optional<CommandSpec>> cache = new ConcurrentHashMap<>();
    private final Map<String, CommandSpec> provided = new ConcurrentHashMap<>();

    /**
     * @param userDirectory where the user's own specs live (may not exist)
     * @param warnings      receives one line per spec file that cannot be read
     */
    public SpecLoader(Path userDirectory, Consumer<String> warnings) {
        this.userDirectory = userDirectory;
        this.warnings = warnings;
    }

    /** Only the specs shipped with pipes. */
    public static SpecLoader builtIn() {
        return new SpecLoader(null, warning -> { });
    }

    /**
     * A spec that the program itself defines (pipesh's own, from its command line's definition):
     * used in place of a shipped file; the user's file still comes first. Call before completing.
     */
    public SpecLoader provide(CommandSpec spec) {
        provided.put(spec.command(), spec);
        cache.remove(spec.command());
        return this;
    }

    public Optional<CommandSpec> find(String command) {
        if (command.isEmpty() || command.contains("/") || command.startsWith(".")) return Optional.empty();
        return cache.computeIfAbsent(command, this::load);
    }

    private Optional<CommandSpec> load(String command) {
        String file = command + ".spec";
        if (userDirectory != null) {
            Path user = userDirectory.resolve(file);
            if (Files.isRegularFile(user)) {
                try {
                    return Optional.of(SpecParser.parse(command, Files.readString(user), user.toString()));
                } catch (IOException | SpecError e) {
                    warnings.accept("pipesh: ignoring completion spec " + e.getMessage());
                }
            }
        }
        if (provided.containsKey(command)) return Optional.of(provided.get(command));
        try (InputStream in = SpecLoader.class.getResourceAsStream(RESOURCE_DIRECTORY + file)) {
            if (in == null) return Optional.empty();
            return Optional.of(SpecParser.parse(command, new String(in.readAllBytes(), StandardCharsets.UTF_8), file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
