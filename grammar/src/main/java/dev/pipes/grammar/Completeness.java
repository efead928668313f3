package dev.pipes.grammar;

/** What a REPL should do with the text typed so far. */
public enum Completeness {
    /** It parses: run it. */
    COMPLETE,
    /** It is a valid beginning (open quote, trailing {@code |}, open {@code if}...): read another line. */
    INCOMPLETE,
    /** No continuation can make it valid: report the error. */
    INVALID
}
