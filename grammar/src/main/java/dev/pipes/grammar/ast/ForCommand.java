package dev.pipes.grammar.ast;

import java.util.List;
import java.util.Optional;

/**
 * {@code for NAME in w1 w2; do body; done}. {@code words} is empty (Optional) when there is no
 * {@code in} at all, which means {@code in "$@"}; {@code in} with no words gives an empty list
 * (the body never runs).
 */
public record ForCommand(String variable, Optional<List<Word>> words, CommandList body,
                         List<Redirect> redirects, Span span) implements Command {
    public ForCommand {
        java.util.Objects.requireNonNull(variable, "variable");
        words = words.map(List::copyOf);
        java.util.Objects.requireNonNull(body, "body");
        redirects = List.copyOf(redirects);
    }
}
