package dev.pipes.grammar.antlr;

import dev.pipes.grammar.ast.Span;
import dev.pipes.grammar.ast.WordPart;
import java.util.ArrayList;
import java.util.List;

/**
 * The tilde prefix of a word: an unquoted {@code ~} or {@code ~user} at its start, ended by an
 * unquoted {@code /} or by the end of the word (POSIX: any quoted character cancels it).
 */
final class Tildes {
    private Tildes() {}

    static List<WordPart> expandPrefix(List<WordPart> parts) {
        if (parts.isEmpty() || !(parts.get(0) instanceof WordPart.Literal first) || !first.text().startsWith("~")) {
            return parts;
        }
        String text = first.text();
        int slash = text.indexOf('/');
        if (slash < 0 && parts.size() > 1) return parts;
        String user = text.substring(1, slash < 0 ? text.length() : slash);
        if (!isLoginName(user)) return parts;
        Span span = first.span();
        List<WordPart> result = new ArrayList<>(parts.size() + 1);
        int prefixLength = 1 + user.length();
        result.add(new WordPart.Tilde(user, span.equals(Span.NONE) ? span
                : new Span(span.line(), span.column(), span.start(), span.start() + prefixLength)));
        if (slash >= 0) {
            result.add(new WordPart.Literal(text.substring(slash), span.equals(Span.NONE) ? span
                    : new Span(span.line(), span.column() + prefixLength, span.start() + prefixLength, span.end())));
        }
        result.addAll(parts.subList(1, parts.size()));
        return result;
    }

    private static boolean isLoginName(String user) {
        for (int i = 0; i < user.length(); i++) {
            char c = user.charAt(i);
            if (!(Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '-')) return false;
        }
        return true;
    }
}
