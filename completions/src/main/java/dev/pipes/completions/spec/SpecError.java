package dev.pipes.completions.spec;

/** A completion spec file that cannot be read: {@code "query.spec:3: unknown key 'opton'"}. */
public final class SpecError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public SpecError(String source, int line, String detail) {
        super(source + ":" + line + ": " + detail);
    }
}
