package dev.pipes.grammar;

/**
 * The one error the parser throws: where ({@code line}, {@code column}, both 1-based) and what
 * ({@code detail}, a sentence a person understands). {@link #getMessage()} is
 * {@code "LINE:COL: detail"}; {@link #render()} adds the source name, the source line and a caret.
 */
public final class SyntaxError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String sourceName;
    private final String sourceLine;
    private final int line;
    private final int column;
    private final String detail;
    private final boolean atEndOfInput;

    /**
     * @param atEndOfInput whether the text ended while something was still open (a quote, an
     *                     {@code if}, a trailing {@code |}): more input could make it valid
     */
    public SyntaxError(String sourceName, String sourceLine, int line, int column, String detail,
                       boolean atEndOfInput) {
        // no stack trace: the position in the text is what matters, and a REPL classifying every
        // partial line (or the fuzz test) creates many of these
        super(line + ":" + column + ": " + detail, null, false, false);
        this.sourceName = sourceName;
        this.sourceLine = sourceLine;
        this.line = line;
        this.column = column;
        this.detail = detail;
        this.atEndOfInput = atEndOfInput;
    }

    public String sourceName() {
        return sourceName;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    /** The message without the position. */
    public String detail() {
        return detail;
    }

    /** Whether the input ended too early (more text could complete it), as opposed to wrong text. */
    public boolean atEndOfInput() {
        return atEndOfInput;
    }

    /**
     * <pre>
     * NAME:LINE:COL: detail
     *   source line
     *   ^
     * </pre>
     * The caret line keeps the source line's tabs so that it lines up in a terminal.
     */
    public String render() {
        StringBuilder text = new StringBuilder();
        text.append(sourceName).append(':').append(getMessage()).append('\n');
        text.append("  ").append(sourceLine).append('\n').append("  ");
        for (int i = 0; i < column - 1 && i < sourceLine.length(); i++) {
            text.append(sourceLine.charAt(i) == '\t' ? '\t' : ' ');
        }
        for (int i = sourceLine.length(); i < column - 1; i++) text.append(' ');
        return text.append('^').toString();
    }
}
