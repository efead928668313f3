package dev.pipes.grammar.ast;

/**
 * Where a node came from in its source text.
 *
 * @param line   1-based line of the node's first character
 * @param column 1-based column (in UTF-16 chars) of the node's first character
 * @param start  offset of the first character in the source text
 * @param end    offset just after the last character (exclusive)
 */
public record Span(int line, int column, int start, int end) {
    /** The span of nodes built by hand rather than parsed; also what {@link Trees#withoutSpans} uses. */
    public static final Span NONE = new Span(0, 0, 0, 0);

    /** The smallest span covering this one and {@code other}. */
    public Span to(Span other) {
        if (this == NONE || this.equals(NONE)) return other;
        if (other == NONE || other.equals(NONE)) return this;
        return start <= other.start
                ? new Span(line, column, start, Math.max(end, other.end))
                : new Span(other.line, other.column, other.start, Math.max(end, other.end));
    }

    /** {@code line:column}, as error messages and tree dumps show a position. */
    public String position() {
        return line + ":" + column;
    }

    @Override
    public String toString() {
        return line + ":" + column + "[" + start + "," + end + ")";
    }
}
