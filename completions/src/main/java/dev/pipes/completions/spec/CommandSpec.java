package dev.pipes.completions.spec;

import java.util.List;
import java.util.Optional;

/**
 * What can be completed after one command: its options, what its positional arguments are, and
 * fixed words (sub-commands) that may appear among them.
 */
public record CommandSpec(String command, String description, List<OptionSpec> options,
                          List<ArgumentKind> arguments, List<String> words) {
    public CommandSpec {
        options = List.copyOf(options);
        arguments = List.copyOf(arguments);
        words = List.copyOf(words);
    }

    /** A command nobody described: its arguments are files. */
    public static CommandSpec unknown(String command) {
        return new CommandSpec(command, "", List.of(), List.of(ArgumentKind.FILES), List.of());
    }

    public Optional<OptionSpec> option(String spelling) {
        String name = spelling.contains("=") ? spelling.substring(0, spelling.indexOf('=')) : spelling;
        return options.stream().filter(o -> o.spelledAs(name)).findFirst();
    }
}
