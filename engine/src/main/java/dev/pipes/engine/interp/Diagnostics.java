package dev.pipes.engine.interp;

import dev.pipes.grammar.ast.Span;

/**
 * Where one interpreter is in its source text, and how it reports an error there:
 * {@code NAME:LINE:COL: message} on the shell's standard error, each error at most once.
 */
final class Diagnostics {
    private final ShellState state;
    private Span current;

    Diagnostics(ShellState state) {
        this.state = state;
    }

    /** The command being run now: errors without a location of their own are reported here. */
    void at(Span span) {
        current = span;
    }

    Span current() {
        return current;
    }

    /** Prints {@code NAME:LINE:COL: message} for the command being run. */
    void error(String message) {
        Io.err(state, location(current) + message);
    }

    /** Prints a shell error at its own location (or the current one), unless it was already printed. */
    void error(ShellError e) {
        if (e.reported()) return;
        e.markReported();
        Io.err(state, location(e.span() != null ? e.span() : current) + e.getMessage());
    }

    private String location(Span span) {
        if (span == null || span.line() == 0) return state.sourceName + ": ";
        return state.sourceName + ":" + span.line() + ":" + span.column() + ": ";
    }

    /** The source text of a span of the script being run ({@code ""} when it lies elsewhere). */
    String text(Span span) {
        String source = state.sourceText;
        if (span == null || span.end() > source.length() || span.end() <= span.start()) return "";
        return source.substring(span.start(), span.end());
    }

    /** How many lines after its first one a span ends on (a multi-line command aborts to its end). */
    int lineCount(Span span) {
        String source = state.sourceText;
        if (span.end() > source.length() || span.start() > span.end()) return 0;
        int lines = 0;
        for (int i = span.start(); i < span.end(); i++) if (source.charAt(i) == '\n') lines++;
        return lines;
    }
}
