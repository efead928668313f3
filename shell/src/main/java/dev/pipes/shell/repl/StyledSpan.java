package dev.pipes.shell.repl;

/** {@code text.substring(start, end)} is shown in {@code style}. */
public record StyledSpan(int start, int end, Style style) {
    @Override
    public String toString() {
        return style + "[" + start + "," + end + ")";
    }
}
