package dev.pipes.grammar.ast;

import java.util.List;

/**
 * One shell word as written, before any expansion: a list of adjacent parts so that quoting
 * survives until the expander (which does tilde, parameter, command and arithmetic expansion,
 * then field splitting of unquoted results, pathname expansion of unquoted glob parts, and quote
 * removal). An empty list is the empty word, which only appears as an assignment value or a
 * parameter-expansion argument.
 */
public record Word(List<WordPart> parts, Span span) implements Node {
    public Word {
        parts = List.copyOf(parts);
    }

    public static Word of(WordPart... parts) {
        return new Word(List.of(parts), Span.NONE);
    }

    /** The word's text if it is one unquoted literal (a name, a number), otherwise null. */
    public String literalText() {
        if (parts.size() == 1 && parts.get(0) instanceof WordPart.Literal literal) return literal.text();
        return null;
    }
}
