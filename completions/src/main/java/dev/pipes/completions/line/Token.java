package dev.pipes.completions.line;

import java.util.List;

/**
 * One piece of a line as the lenient lexer sees it: offsets into the text ({@code end} exclusive),
 * the raw text, and for words the quoted and expanded parts inside them.
 *
 * @param open whether the token ends inside something still open (a quote, {@code ${}, {@code $(})
 */
public record Token(Kind kind, int start, int end, String text, List<Segment> segments, boolean open) {
    public enum Kind {
        /** A word: a command name, an argument, a redirection target, an assignment. */
        WORD,
        /** {@code ; & && || | |& ( ) ;;} and a newline. */
        OPERATOR,
        /** A redirection operator with its optional file descriptor: {@code 2>}, {@code >>}, {@code <<-}. */
        REDIRECTION,
        /** {@code # ...} up to the end of the line. */
        COMMENT,
        /** The lines of a here-document, its closing delimiter included. */
        HEREDOC_BODY
    }

    public Token {
        segments = List.copyOf(segments);
    }

    public boolean is(Kind k, String t) {
        return kind == k && text.equals(t);
    }

    public int length() {
        return end - start;
    }
}
