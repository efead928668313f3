package dev.pipes.grammar.ast;

/**
 * One and-or list of a {@link CommandList} with how it was terminated: {@code &} runs it in the
 * background, {@code ;} or a newline (or nothing, for the last one) in the foreground.
 */
public record ListItem(AndOr command, boolean background, Span span) implements Node {
    public ListItem {
        java.util.Objects.requireNonNull(command, "command");
    }
}
