package dev.pipes.grammar.antlr;

/**
 * A here-document delimiter after quote removal, and whether any of it was quoted (which turns
 * expansion in the body off). Read ahead from the text right after {@code <<} / {@code <<-}.
 */
public record Delimiter(String text, boolean quoted) {

    /** The delimiter word starting at {@code index} (after blanks), or null if there is no word. */
    static Delimiter read(String source, int index) {
        int i = index;
        while (i < source.length() && (source.charAt(i) == ' ' || source.charAt(i) == '\t')) i++;
        StringBuilder text = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        while (i < source.length()) {
            char c = source.charAt(i);
            if (" \t\n;&|()<>".indexOf(c) >= 0) break;
            any = true;
            if (c == '\'') {
                quoted = true;
                int close = source.indexOf('\'', i + 1);
                int end = close < 0 ? source.length() : close;
                text.append(source, i + 1, end);
                i = close < 0 ? end : close + 1;
            } else if (c == '"') {
                quoted = true;
                i++;
                while (i < source.length() && source.charAt(i) != '"') {
                    if (source.charAt(i) == '\\' && i + 1 < source.length() && "$`\"\\".indexOf(source.charAt(i + 1)) >= 0) i++;
                    text.append(source.charAt(i));
                    i++;
                }
                i++;
            } else if (c == '\\' && i + 1 < source.length()) {
                if (source.charAt(i + 1) == '\n') {
                    i += 2;
                    continue;
                }
                quoted = true;
                text.append(source.charAt(i + 1));
                i += 2;
            } else {
                text.append(c);
                i++;
            }
        }
        return any ? new Delimiter(text.toString(), quoted) : null;
    }
}
