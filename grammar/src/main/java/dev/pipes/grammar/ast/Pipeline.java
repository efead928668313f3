package dev.pipes.grammar.ast;

import java.util.List;

/**
 * {@code [time] [!] cmd1 | cmd2 | ...}: at least one command; {@code negated} inverts the exit status
 * of the last command; {@code timed} (bash's {@code time}) reports the time the pipeline took.
 */
public record Pipeline(boolean timed, boolean negated, List<Command> commands, Span span) implements Node {
    public Pipeline {
        commands = List.copyOf(commands);
        if (commands.isEmpty()) throw new IllegalArgumentException("a pipeline has at least one command");
    }

    public Pipeline(boolean negated, List<Command> commands, Span span) {
        this(false, negated, commands, span);
    }
}
