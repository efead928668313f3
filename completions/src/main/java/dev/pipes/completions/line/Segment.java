package dev.pipes.completions.line;

/**
 * A part of a word that is not plain text: a quotation, an expansion or an escape. Offsets are
 * into the whole line; a double-quoted segment may contain expansion segments of its own, which
 * appear after it in the word's list.
 */
public record Segment(Kind kind, int start, int end) {
    public enum Kind {
        SINGLE_QUOTED,
        DOUBLE_QUOTED,
        /** {@code $name}, {@code ${...}}, {@code $1}, {@code $?}. */
        PARAMETER,
        /** {@code $( )}, {@code $(( ))} and backquotes. */
        SUBSTITUTION,
        /** {@code \x}. */
        ESCAPE,
        /** An unquoted {@code *}, {@code ?} or {@code [}. */
        GLOB
    }
}
