package dev.pipes.grammar.ast;

import java.util.List;

/** {@code (( expression ))} (bash): status 0 when the expression's value is not 0, else 1. */
public record ArithmeticCommand(Word expression, List<Redirect> redirects, Span span) implements Command {
    public ArithmeticCommand {
        java.util.Objects.requireNonNull(expression, "expression");
        redirects = List.copyOf(redirects);
    }
}
