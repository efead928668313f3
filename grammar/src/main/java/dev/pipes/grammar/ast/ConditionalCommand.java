package dev.pipes.grammar.ast;

import java.util.List;

/** {@code [[ expression ]]} (bash): words are not split or globbed; status 0 when the expression holds. */
public record ConditionalCommand(Conditional expression, List<Redirect> redirects, Span span) implements Command {
    public ConditionalCommand {
        java.util.Objects.requireNonNull(expression, "expression");
        redirects = List.copyOf(redirects);
    }
}
