package dev.pipes.completions;

import dev.pipes.completions.spec.CommandSpec;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * What the running shell knows that completion and highlighting need. Read at every Tab and
 * keystroke, so implementations return views of the current state, never copies made long ago.
 */
public interface ShellFacts {
    /** The builtins with their options, taken from the builtins' own definitions. */
    Collection<CommandSpec> builtins();

    Collection<String> functions();

    /** Names of the variables that are set. */
    Collection<String> variables();

    /** The value of a variable, if set ({@code PATH}, {@code HOME}, ...). */
    Optional<String> variable(String name);

    /** The jobs: {@code name} is the job number, {@code description} its command text. */
    List<NamedEntry> jobs();

    Path workingDirectory();

    default Optional<CommandSpec> builtin(String name) {
        return builtins().stream().filter(b -> b.command().equals(name)).findFirst();
    }
}
