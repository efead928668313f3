package dev.pipes.grammar.ast;

import java.util.List;

/**
 * {@code name() compound-command}: defines {@code name}; the body (with its own redirections,
 * applied at each call) runs when the function is called.
 */
public record FunctionDefinition(String name, Command body, Span span) implements Command {
    public FunctionDefinition {
        java.util.Objects.requireNonNull(name, "name");
        java.util.Objects.requireNonNull(body, "body");
        if (body instanceof SimpleCommand || body instanceof FunctionDefinition) {
            throw new IllegalArgumentException("a function body is a compound command");
        }
    }

    /** A definition has no redirections of its own; those after the body belong to the body. */
    @Override
    public List<Redirect> redirects() {
        return List.of();
    }
}
