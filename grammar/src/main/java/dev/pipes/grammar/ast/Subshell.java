package dev.pipes.grammar.ast;

import java.util.List;

/** {@code ( body )}: runs {@code body} in a copy of the shell's state. */
public record Subshell(CommandList body, List<Redirect> redirects, Span span) implements Command {
    public Subshell {
        java.util.Objects.requireNonNull(body, "body");
        redirects = List.copyOf(redirects);
    }
}
