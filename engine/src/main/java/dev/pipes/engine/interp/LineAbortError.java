package dev.pipes.engine.interp;

import dev.pipes.grammar.ast.Span;

/**
 * An error that abandons the rest of the current top-level command line, as bash does for an
 * arithmetic error or an assignment to a read-only variable; the script goes on with the next line
 * and {@code $?} is 1.
 */
public final class LineAbortError extends ShellError {
    private static final long serialVersionUID = 1L;

    public LineAbortError(String message) {
        super(message, null, 1);
    }

    public LineAbortError(String message, Span span) {
        super(message, span, 1);
    }

    @Override
    public LineAbortError at(Span where) {
        return span() != null || where == null ? this : new LineAbortError(getMessage(), where);
    }
}
