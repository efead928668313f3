package dev.pipes.grammar;

/** Whether a text ends in a backslash that continues the line (a REPL then reads another line). */
final class LineContinuation {
    private LineContinuation() {}

    static boolean endsWithContinuation(String text) {
        String body = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
        int backslashes = 0;
        for (int i = body.length() - 1; i >= 0 && body.charAt(i) == '\\'; i--) backslashes++;
        return backslashes % 2 == 1;
    }
}
