package dev.pipes.grammar.ast;

/** A whole parsed text: a script file, a {@code -c} string, one REPL entry, a {@code $( )} body. */
public record Script(CommandList commands, Span span) implements Node {
    public Script {
        java.util.Objects.requireNonNull(commands, "commands");
    }
}
