package dev.pipes.grammar.ast;

import java.util.List;

/**
 * {@code while condition; do body; done} and {@code until condition; do body; done}: {@code while}
 * repeats while the condition exits 0, {@code until} while it exits non-0.
 */
public record LoopCommand(Kind kind, CommandList condition, CommandList body, List<Redirect> redirects,
                          Span span) implements Command {
    public LoopCommand {
        java.util.Objects.requireNonNull(kind, "kind");
        java.util.Objects.requireNonNull(condition, "condition");
        java.util.Objects.requireNonNull(body, "body");
        redirects = List.copyOf(redirects);
    }

    public enum Kind {
        WHILE("while"), UNTIL("until");

        private final String keyword;

        Kind(String keyword) {
            this.keyword = keyword;
        }

        public String keyword() {
            return keyword;
        }
    }
}
