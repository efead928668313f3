package dev.pipes.grammar.antlr;

import dev.pipes.grammar.SyntaxError;
import dev.pipes.grammar.ast.Span;

/**
 * The text being parsed and where it sits in the text the user wrote: a script is its own root;
 * the body of a backquote or a here-document is lexed on its own and mapped back here so that
 * spans and error positions point into the user's text.
 */
public record Source(String rootText, String sourceName, int baseOffset, int baseLine, int baseColumn,
                     boolean nested) {

    public static Source root(String text, String sourceName) {
        return new Source(text, sourceName, 0, 1, 1, false);
    }

    /** A piece of this source starting at {@code offset}, {@code line}, {@code column} (1-based) of the root. */
    public Source nested(int offset, int line, int column) {
        return new Source(rootText, sourceName, offset, line, column, true);
    }

    public int line(int localLine) {
        return baseLine + localLine - 1;
    }

    /** The root column of a character at 0-based {@code charPositionInLine} of local line {@code localLine}. */
    public int column(int localLine, int charPositionInLine) {
        return localLine == 1 ? baseColumn + charPositionInLine : charPositionInLine + 1;
    }

    public Span span(int localLine, int charPositionInLine, int startIndex, int stopIndexInclusive) {
        return new Span(line(localLine), column(localLine, charPositionInLine), baseOffset + startIndex,
                baseOffset + Math.max(startIndex, stopIndexInclusive + 1));
    }

    /**
     * An error at a local position. Inside a nested piece the enclosing text was complete, so more
     * input would not help: such errors are never "at end of input".
     */
    public SyntaxError error(int localLine, int charPositionInLine, String detail, boolean atEndOfInput) {
        int line = line(localLine);
        return new SyntaxError(sourceName, lineText(line), line, column(localLine, charPositionInLine), detail,
                atEndOfInput && !nested);
    }

    private String lineText(int line) {
        int start = 0;
        for (int i = 1; i < line; i++) {
            int newline = rootText.indexOf('\n', start);
            if (newline < 0) return "";
            start = newline + 1;
        }
        int end = rootText.indexOf('\n', start);
        return rootText.substring(start, end < 0 ? rootText.length() : end);
    }
}
