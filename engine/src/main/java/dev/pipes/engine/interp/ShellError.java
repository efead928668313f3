package dev.pipes.engine.interp;

import dev.pipes.grammar.ast.Span;

/**
 * An error the shell reports to the user ("x: unbound variable", "cd: /nope: No such file or
 * directory"). The executor adds the source position, so it is printed as FILE:LINE:COL: message.
 */
public class ShellError extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient Span span;
    private final int status;
    private volatile boolean reported;

    public ShellError(String message) {
        this(message, null, 1);
    }

    public ShellError(String message, Span span, int status) {
        super(message, null, false, false);
        this.span = span;
        this.status = status;
    }

    public Span span() {
        return span;
    }

    public int status() {
        return status;
    }

    /** Whether the message was already printed (where the error happened, with that command's stderr). */
    public boolean reported() {
        return reported;
    }

    public void markReported() {
        reported = true;
    }

    /** The same error located at {@code where} when it has no location yet. */
    public ShellError at(Span where) {
        return span != null || where == null ? this : new ShellError(getMessage(), where, status);
    }
}
