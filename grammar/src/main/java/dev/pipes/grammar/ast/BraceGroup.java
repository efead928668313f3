package dev.pipes.grammar.ast;

import java.util.List;

/** {@code { body; }}: runs {@code body} in the current shell. */
public record BraceGroup(CommandList body, List<Redirect> redirects, Span span) implements Command {
    public BraceGroup {
        java.util.Objects.requireNonNull(body, "body");
        redirects = List.copyOf(redirects);
    }
}
