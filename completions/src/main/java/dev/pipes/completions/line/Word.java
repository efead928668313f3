package dev.pipes.completions.line;

/**
 * A word token and what it is in its command.
 *
 * @param command for an {@link Role#ARGUMENT}, the unquoted name of the command it belongs to
 *                (or the keyword {@code for} / {@code case}); otherwise the empty string
 * @param index   for an argument, its position after the command name (1 = first argument)
 */
public record Word(Token token, Role role, String command, int index) {
    public enum Role {
        /** The name of a command to run. */
        COMMAND,
        /** A reserved word where a command could start: {@code if}, {@code do}, {@code {}, ... */
        KEYWORD,
        /** {@code NAME=value} before a command. */
        ASSIGNMENT,
        /** An argument of a command. */
        ARGUMENT,
        /** The file (or here-document delimiter) after a redirection operator. */
        REDIRECT_TARGET
    }

    public int start() {
        return token.start();
    }

    public int end() {
        return token.end();
    }

    public String text() {
        return token.text();
    }
}
