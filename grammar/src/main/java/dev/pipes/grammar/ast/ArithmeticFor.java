package dev.pipes.grammar.ast;

import java.util.List;

/**
 * {@code for (( init; condition; step )); do body; done} (bash): each expression as a word that is
 * expanded then evaluated; an empty condition is true.
 */
public record ArithmeticFor(Word init, Word condition, Word step, CommandList body, List<Redirect> redirects,
                            Span span) implements Command {
    public ArithmeticFor {
        java.util.Objects.requireNonNull(init, "init");
        java.util.Objects.requireNonNull(condition, "condition");
        java.util.Objects.requireNonNull(step, "step");
        java.util.Objects.requireNonNull(body, "body");
        redirects = List.copyOf(redirects);
    }
}
