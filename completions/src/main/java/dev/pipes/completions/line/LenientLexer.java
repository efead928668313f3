package dev.pipes.completions.line;

import dev.pipes.grammar.Operators;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Splits any text into shell tokens without ever failing: an unterminated quote or substitution
 * simply runs to the end and is marked {@link Token#open()}. The REPL needs this for text that
 * is being typed and so is often not valid yet; the real parser (grammar module) decides what
 * the text means, this only says which characters form which piece.
 */
public final class LenientLexer {
    /** The grammar's own operators, longest first, so that this lexer cannot drift from the parser's. */
    private static final List<String> OPERATORS = Operators.control();
    private static final List<String> REDIRECTIONS = Operators.redirection();

    private final String text;
    private final List<Token> tokens = new ArrayList<>();
    /** Here-document delimiters waiting for the next newline: {@code [delimiter, "-" or ""]}. */
    private final Deque<String[]> pendingHeredocs = new ArrayDeque<>();
    private int pos;
    private boolean expectHeredocDelimiter;
    private boolean heredocStripsTabs;

    private LenientLexer(String text) {
        this.text = text;
    }

    public static List<Token> lex(String text) {
        LenientLexer lexer = new LenientLexer(text);
        lexer.run();
        return List.copyOf(lexer.tokens);
    }

    private void run() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == ' ' || c == '\t') {
                pos++;
            } else if (c == '\\' && pos + 1 < text.length() && text.charAt(pos + 1) == '\n') {
                pos += 2; // a line continuation is whitespace
            } else if (c == '\n') {
                add(Token.Kind.OPERATOR, pos, pos + 1, List.of(), false);
                pos++;
                if (!pendingHeredocs.isEmpty()) heredocBodies();
            } else if (c == '#') {
                int end = text.indexOf('\n', pos);
                if (end < 0) end = text.length();
                add(Token.Kind.COMMENT, pos, end, List.of(), false);
                pos = end;
            } else if (!redirection() && !operator()) {
                word();
            }
        }
    }

    private boolean redirection() {
        int digits = pos;
        while (digits < text.length() && Character.isDigit(text.charAt(digits))) digits++;
        for (String op : REDIRECTIONS) {
            if (text.startsWith(op, digits) && (digits == pos || !op.startsWith("&"))) {
                int end = digits + op.length();
                add(Token.Kind.REDIRECTION, pos, end, List.of(), false);
                if (op.equals("<<") || op.equals("<<-")) {
                    expectHeredocDelimiter = true;
                    heredocStripsTabs = op.equals("<<-");
                }
                pos = end;
                return true;
            }
        }
        return false;
    }

    private boolean operator() {
        for (String op : OPERATORS) {
            if (text.startsWith(op, pos)) {
                add(Token.Kind.OPERATOR, pos, pos + op.length(), List.of(), false);
                pos += op.length();
                return true;
            }
        }
        return false;
    }

    private void word() {
        int start = pos;
        List<Segment> segments = new ArrayList<>();
        boolean open = false;
        while (pos < text.length() && !open) {
            char c = text.charAt(pos);
            if (c == ' ' || c == '\t' || c == '\n' || isOperatorStart(c)) break;
            open = wordPart(segments, false);
        }
        add(Token.Kind.WORD, start, pos, segments, open);
        if (expectHeredocDelimiter) {
            expectHeredocDelimiter = false;
            pendingHeredocs.add(new String[] {Words.unquote(text.substring(start, pos)), heredocStripsTabs ? "-" : ""});
        }
    }

    private static boolean isOperatorStart(char c) {
        for (String op : OPERATORS) if (op.charAt(0) == c) return true;
        for (String op : REDIRECTIONS) if (op.charAt(0) == c) return true;
        return false;
    }

    /** Reads one part of a word at {@code pos}; returns whether it ran to the end unterminated. */
    private boolean wordPart(List<Segment> segments, boolean inDoubleQuotes) {
        char c = text.charAt(pos);
        int start = pos;
        switch (c) {
            case '\\' -> {
                pos = Math.min(text.length(), pos + 2);
                segments.add(new Segment(Segment.Kind.ESCAPE, start, pos));
                return false;
            }
            case '\'' -> {
                if (inDoubleQuotes) break;
                int close = text.indexOf('\'', pos + 1);
                pos = close < 0 ? text.length() : close + 1;
                segments.add(new Segment(Segment.Kind.SINGLE_QUOTED, start, pos));
                return close < 0;
            }
            case '"' -> {
                if (inDoubleQuotes) break;
                return doubleQuoted(segments);
            }
            case '$' -> {
                return dollar(segments);
            }
            case '`' -> {
                int close = pos + 1;
                while (close < text.length() && text.charAt(close) != '`') close += text.charAt(close) == '\\' ? 2 : 1;
                pos = Math.min(text.length(), close + 1);
                segments.add(new Segment(Segment.Kind.SUBSTITUTION, start, pos));
                return close >= text.length();
            }
            case '*', '?', '[' -> {
                if (inDoubleQuotes) break;
                pos++;
                segments.add(new Segment(Segment.Kind.GLOB, start, pos));
                return false;
            }
            default -> { }
        }
        pos++;
        return false;
    }

    private boolean doubleQuoted(List<Segment> segments) {
        int start = pos;
        int index = segments.size();
        pos++;
        List<Segment> inner = new ArrayList<>();
        boolean open = false;
        while (pos < text.length() && text.charAt(pos) != '"' && !open) {
            if (text.charAt(pos) == '\\') {
                pos = Math.min(text.length(), pos + 2);
            } else {
                open = wordPart(inner, true);
            }
        }
        boolean closed = pos < text.length() && text.charAt(pos) == '"' && !open;
        if (closed) pos++;
        segments.add(index, new Segment(Segment.Kind.DOUBLE_QUOTED, start, pos));
        segments.addAll(inner);
        return !closed;
    }

    private boolean dollar(List<Segment> segments) {
        int start = pos;
        pos++;
        if (pos >= text.length()) {
            segments.add(new Segment(Segment.Kind.PARAMETER, start, pos));
            return false;
        }
        char c = text.charAt(pos);
        if (c == '{') {
            int close = matching(pos, '{', '}');
            pos = close < 0 ? text.length() : close + 1;
            segments.add(new Segment(Segment.Kind.PARAMETER, start, pos));
            return close < 0;
        }
        if (c == '(') {
            int close = matching(pos, '(', ')');
            pos = close < 0 ? text.length() : close + 1;
            segments.add(new Segment(Segment.Kind.SUBSTITUTION, start, pos));
            return close < 0;
        }
        if (Character.isLetter(c) || c == '_') {
            while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) pos++;
        } else if (Character.isDigit(c) || "?$!#@*-".indexOf(c) >= 0) {
            pos++;
        } else {
            return false; // a lone '$' is a literal dollar
        }
        segments.add(new Segment(Segment.Kind.PARAMETER, start, pos));
        return false;
    }

    /** The offset of the bracket closing the one at {@code open}, skipping quotes; -1 when none. */
    private int matching(int open, char opening, char closing) {
        int depth = 0;
        for (int i = open; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '\'' && opening == '(') {
                int close = text.indexOf('\'', i + 1);
                if (close < 0) return -1;
                i = close;
            } else if (c == opening) {
                depth++;
            } else if (c == closing && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    private void heredocBodies() {
        while (!pendingHeredocs.isEmpty() && pos < text.length()) {
            String[] heredoc = pendingHeredocs.poll();
            int start = pos;
            boolean closed = false;
            while (pos < text.length() && !closed) {
                int end = text.indexOf('\n', pos);
                int lineEnd = end < 0 ? text.length() : end;
                String line = text.substring(pos, lineEnd);
                if (heredoc[1].equals("-")) line = line.replaceFirst("^\t+", "");
                closed = line.equals(heredoc[0]);
                pos = end < 0 ? text.length() : end + 1;
            }
            add(Token.Kind.HEREDOC_BODY, start, pos, List.of(), !closed);
        }
    }

    private void add(Token.Kind kind, int start, int end, List<Segment> segments, boolean open) {
        tokens.add(new Token(kind, start, end, text.substring(start, end), segments, open));
    }
}
