package dev.pipes.grammar.ast;

import java.util.List;
import java.util.Optional;

/**
 * {@code if c1; then b1; elif c2; then b2; else b3; fi}: the first branch whose condition
 * exits 0 runs; otherwise the else body, if any. At least one branch (the {@code if} one).
 */
public record IfCommand(List<Branch> branches, Optional<CommandList> elseBody, List<Redirect> redirects,
                        Span span) implements Command {
    public IfCommand {
        branches = List.copyOf(branches);
        if (branches.isEmpty()) throw new IllegalArgumentException("an if has at least one branch");
        java.util.Objects.requireNonNull(elseBody, "elseBody");
        redirects = List.copyOf(redirects);
    }

    /** {@code if|elif condition; then body}. */
    public record Branch(CommandList condition, CommandList body, Span span) implements Node {
        public Branch {
            java.util.Objects.requireNonNull(condition, "condition");
            java.util.Objects.requireNonNull(body, "body");
        }
    }
}
