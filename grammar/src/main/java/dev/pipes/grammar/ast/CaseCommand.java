package dev.pipes.grammar.ast;

import java.util.List;

/**
 * {@code case subject in p1|p2) body;; ... esac}: the body of the first item with a pattern
 * matching the expanded subject runs. Patterns are words whose unquoted glob parts are active.
 */
public record CaseCommand(Word subject, List<Item> items, List<Redirect> redirects, Span span)
        implements Command {
    public CaseCommand {
        java.util.Objects.requireNonNull(subject, "subject");
        items = List.copyOf(items);
        redirects = List.copyOf(redirects);
    }

    /** How an item ends: {@code ;;} (the case ends), {@code ;&} (the next body runs too), {@code ;;&} (the next patterns are tried). */
    public enum End {
        BREAK(";;"), FALL_THROUGH(";&"), TEST_NEXT(";;&");

        private final String text;

        End(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }
    }

    /** {@code (p1|p2) body ;;}: at least one pattern; the body may be empty. */
    public record Item(List<Word> patterns, CommandList body, End end, Span span) implements Node {
        public Item {
            patterns = List.copyOf(patterns);
            if (patterns.isEmpty()) throw new IllegalArgumentException("a case item has at least one pattern");
            java.util.Objects.requireNonNull(body, "body");
            java.util.Objects.requireNonNull(end, "end");
        }

        public Item(List<Word> patterns, CommandList body, Span span) {
            this(patterns, body, End.BREAK, span);
        }
    }
}
