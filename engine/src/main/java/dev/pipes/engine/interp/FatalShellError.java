package dev.pipes.engine.interp;

import dev.pipes.grammar.ast.Span;

/**
 * An error after which a non-interactive shell exits, as POSIX requires: an unset variable under
 * {@code set -u}, {@code ${x:?message}}, an assignment to a read-only variable, a bad substitution.
 */
public final class FatalShellError extends ShellError {
    private static final long serialVersionUID = 1L;

    /** The status bash exits with after such an error in a script. */
    public static final int STATUS = 127;

    public FatalShellError(String message) {
        super(message, null, STATUS);
    }

    public FatalShellError(String message, Span span, int status) {
        super(message, span, status);
    }

    @Override
    public FatalShellError at(Span where) {
        return span() != null || where == null ? this : new FatalShellError(getMessage(), where, status());
    }
}
