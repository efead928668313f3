package dev.pipes.completions.line;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What is being typed at the cursor: which kind of thing can complete it, the part already typed
 * (quotes removed) and where the text to replace starts.
 *
 * @param prefix        what the word so far stands for, quotes and backslashes removed
 * @param rawPrefix     the same text as typed
 * @param replaceFrom   offset in the line where the completed text goes (the word's start, or
 *                      the {@code $} of a variable inside a word)
 * @param command       for {@link Kind#ARGUMENT}: the command the word belongs to
 * @param argumentIndex for {@link Kind#ARGUMENT}: 1 for the first argument, ...
 * @param previousWord  the word before this one in the same command (unquoted), or ""
 */
public record CursorContext(Kind kind, String prefix, String rawPrefix, int replaceFrom, String command,
                            int argumentIndex, String previousWord) {
    public enum Kind {
        /** A command name (or a reserved word) is expected. */
        COMMAND,
        /** An argument of {@link #command()}. */
        ARGUMENT,
        /** The file after a redirection operator, or the value of an assignment. */
        FILE,
        /** A variable name after {@code $} or {@code ${}. */
        VARIABLE,
        /** A job spec after {@code %}. */
        JOB,
        /** Nothing can be completed here (inside a comment or a here-document). */
        NONE
    }

    private static final Pattern OPEN_PARAMETER = Pattern.compile("\\$(\\{?)([A-Za-z_][A-Za-z0-9_]*)?$");

    /** The context at {@code cursor} in {@code line}; only the text before the cursor matters. */
    public static CursorContext at(String line, int cursor) {
        String before = line.substring(0, cursor);
        List<Token> tokens = LenientLexer.lex(before);
        Token last = tokens.isEmpty() ? null : tokens.get(tokens.size() - 1);
        if (last != null && last.end() == cursor
                && (last.kind() == Token.Kind.COMMENT || last.kind() == Token.Kind.HEREDOC_BODY)) {
            return none(cursor);
        }
        boolean inWord = last != null && last.end() == cursor && last.kind() == Token.Kind.WORD;
        Word word;
        List<Word> words;
        if (inWord) {
            words = LineStructure.words(tokens);
            word = words.get(words.size() - 1);
        } else {
            // Ask where a word typed here would go by lexing a one-letter stand-in for it.
            words = LineStructure.words(LenientLexer.lex(before + "x"));
            Word standIn = words.isEmpty() ? null : words.get(words.size() - 1);
            // the stand-in can also vanish into something open: a here-document's first line
            if (standIn == null || standIn.start() != cursor) return none(cursor);
            Token empty = new Token(Token.Kind.WORD, cursor, cursor, "", List.of(), false);
            word = new Word(empty, standIn.role(), standIn.command(), standIn.index());
        }
        return of(word, previous(words, word));
    }

    private static CursorContext of(Word word, String previousWord) {
        String raw = word.text();
        int start = word.start();
        if (!raw.startsWith("'")) {
            Matcher parameter = OPEN_PARAMETER.matcher(raw);
            if (parameter.find() && !escaped(raw, parameter.start())) {
                String name = parameter.group(2) == null ? "" : parameter.group(2);
                return new CursorContext(Kind.VARIABLE, name, raw.substring(parameter.start()),
                        start + parameter.start(), "", 0, previousWord);
            }
        }
        return switch (word.role()) {
            case COMMAND, KEYWORD -> context(Kind.COMMAND, raw, start, "", 0, previousWord);
            case REDIRECT_TARGET -> context(Kind.FILE, raw, start, "", 0, previousWord);
            case ASSIGNMENT -> {
                int eq = raw.indexOf('=') + 1;
                yield context(Kind.FILE, raw.substring(eq), start + eq, "", 0, previousWord);
            }
            case ARGUMENT -> raw.startsWith("%")
                    ? context(Kind.JOB, raw, start, word.command(), word.index(), previousWord)
                    : context(Kind.ARGUMENT, raw, start, word.command(), word.index(), previousWord);
        };
    }

    private static CursorContext context(Kind kind, String raw, int start, String command, int index, String previous) {
        return new CursorContext(kind, Words.unquote(raw), raw, start, command, index, previous);
    }

    private static boolean escaped(String raw, int at) {
        int backslashes = 0;
        for (int i = at - 1; i >= 0 && raw.charAt(i) == '\\'; i--) backslashes++;
        return backslashes % 2 == 1;
    }

    private static String previous(List<Word> words, Word word) {
        if (word.role() != Word.Role.ARGUMENT || word.index() <= 1) return "";
        for (int i = words.size() - 1; i >= 0; i--) {
            Word w = words.get(i);
            if (w.start() < word.start() && w.role() == Word.Role.ARGUMENT) return Words.unquote(w.text());
        }
        return "";
    }

    private static CursorContext none(int cursor) {
        return new CursorContext(Kind.NONE, "", "", cursor, "", 0, "");
    }
}
