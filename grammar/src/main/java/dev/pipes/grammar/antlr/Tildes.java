package dev.pipes.grammar.antlr;

import dev.pipes.grammar.ast.Span;
import dev.pipes.grammar.ast.WordPart;
import java.util.ArrayList;
import java.util.List;

/**
 * Tilde prefixes: an unquoted {@code ~} or {@code ~user} at the start of a word, ended by an
 * unquoted {@code /} or by the end of the word; in an assignment value also after each unquoted
 * {@code :}, ended by {@code /}, {@code :} or the end (POSIX: any quoted character cancels it).
 */
final class Tildes {
    private Tildes() {}

    /** The parts of a word with its leading tilde prefix, if any, as a {@link WordPart.Tilde}. */
    static List<WordPart> expandPrefix(List<WordPart> parts) {
        if (parts.isEmpty() || !(parts.get(0) instanceof WordPart.Literal first)) return parts;
        List<WordPart> result = new ArrayList<>(parts.size() + 1);
        split(first, parts.size() == 1, false, result);
        result.addAll(parts.subList(1, parts.size()));
        return result;
    }

    /** The parts of an assignment value, with tilde prefixes at its start and after each ':'. */
    static List<WordPart> expandAssignmentValue(List<WordPart> parts) {
        List<WordPart> result = new ArrayList<>(parts.size() + 2);
        for (int i = 0; i < parts.size(); i++) {
            WordPart part = parts.get(i);
            boolean atStart = i == 0;
            boolean afterColon = i > 0 && parts.get(i - 1) instanceof WordPart.Literal previous
                    && previous.text().endsWith(":");
            if (part instanceof WordPart.Literal literal) {
                split(literal, i == parts.size() - 1, true, result, atStart || afterColon);
            } else {
                result.add(part);
            }
        }
        return result;
    }

    private static void split(WordPart.Literal literal, boolean endsWord, boolean colons, List<WordPart> out) {
        split(literal, endsWord, colons, out, true);
    }

    /**
     * Appends {@code literal} to {@code out}, cut into literal text and tilde prefixes: one at its
     * start if {@code prefixAllowed}, and (with {@code colons}) one after each ':'.
     */
    private static void split(WordPart.Literal literal, boolean endsWord, boolean colons, List<WordPart> out,
                              boolean prefixAllowed) {
        String text = literal.text();
        Span span = literal.span();
        int pending = 0; // start of the text not yet emitted
        int i = 0;
        boolean allowed = prefixAllowed;
        while (i < text.length()) {
            if (allowed && text.charAt(i) == '~') {
                int end = i + 1;
                while (end < text.length() && text.charAt(end) != '/' && !(colons && text.charAt(end) == ':')) end++;
                boolean terminated = end < text.length() || endsWord;
                String user = text.substring(i + 1, end);
                if (terminated && isLoginName(user)) {
                    if (pending < i) out.add(new WordPart.Literal(text.substring(pending, i), sub(span, pending, i)));
                    out.add(new WordPart.Tilde(user, sub(span, i, end)));
                    pending = end;
                    i = end;
                    allowed = false;
                    continue;
                }
            }
            allowed = colons && text.charAt(i) == ':';
            i++;
        }
        if (pending == 0) {
            out.add(literal);
        } else if (pending < text.length()) {
            out.add(new WordPart.Literal(text.substring(pending), sub(span, pending, text.length())));
        }
    }

    /** The span of characters [from, to) of a literal on one line (a literal holds no newline). */
    private static Span sub(Span span, int from, int to) {
        if (span.equals(Span.NONE)) return span;
        return new Span(span.line(), span.column() + from, span.start() + from, span.start() + to);
    }

    private static boolean isLoginName(String user) {
        for (int i = 0; i < user.length(); i++) {
            char c = user.charAt(i);
            if (!(Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '-')) return false;
        }
        return true;
    }
}
