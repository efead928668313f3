package dev.pipes.grammar.ast;

/** The operators of {@link Redirect.FileRedirect}. */
public enum RedirectOp {
    /** {@code <file}: read. */
    IN("<", 0),
    /** {@code >file}: write, truncating (fails on an existing file under {@code set -C}). */
    OUT(">", 1),
    /** {@code >>file}: append. */
    APPEND(">>", 1),
    /** {@code >|file}: write, truncating even under {@code set -C}. */
    CLOBBER(">|", 1),
    /** {@code <>file}: open for reading and writing. */
    READ_WRITE("<>", 0),
    /** {@code <&n}, {@code <&-}: duplicate input descriptor n, or close. */
    DUP_IN("<&", 0),
    /** {@code >&n}, {@code >&-}: duplicate output descriptor n, or close. */
    DUP_OUT(">&", 1),
    /** {@code &>file}: standard output and standard error to file (fd is 1). */
    OUT_AND_ERR("&>", 1),
    /** {@code &>>file}: standard output and standard error appended to file (fd is 1). */
    APPEND_OUT_AND_ERR("&>>", 1),
    /** {@code <<<word}: the expanded word and a newline as standard input. */
    HERE_STRING("<<<", 0);

    private final String text;
    private final int defaultFd;

    RedirectOp(String text, int defaultFd) {
        this.text = text;
        this.defaultFd = defaultFd;
    }

    public String text() {
        return text;
    }

    /** The descriptor used when none is written. */
    public int defaultFd() {
        return defaultFd;
    }

    /** Whether a descriptor number may be written before the operator. */
    public boolean takesFdNumber() {
        return this != OUT_AND_ERR && this != APPEND_OUT_AND_ERR;
    }
}
