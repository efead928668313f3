package dev.pipes.shell.repl;

import dev.pipes.completions.line.LenientLexer;
import dev.pipes.completions.line.LineStructure;
import dev.pipes.completions.line.Segment;
import dev.pipes.completions.line.Token;
import dev.pipes.completions.line.Word;
import dev.pipes.completions.line.Words;
import dev.pipes.grammar.Parser;
import dev.pipes.grammar.SyntaxError;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Colours the input as it is typed: the lenient lexer says which characters form which word,
 * quote, expansion or operator; {@link CommandKinds} says what a command name would run; the
 * real parser marks a syntax error where it is (but not an entry that is merely unfinished).
 */
public final class Highlighter {
    private final CommandKinds commandKinds;

    public Highlighter(CommandKinds commandKinds) {
        this.commandKinds = commandKinds;
    }

    /** Non-overlapping spans in order; characters in no span are plain. */
    public List<StyledSpan> highlight(String text) {
        Style[] styles = new Style[text.length()];
        Arrays.fill(styles, Style.PLAIN);
        List<Token> tokens = LenientLexer.lex(text);
        paint(text, tokens, styles);
        markSyntaxError(text, tokens, styles);
        return spans(styles);
    }

    private void paint(String text, List<Token> tokens, Style[] styles) {
        for (Token token : tokens) {
            switch (token.kind()) {
                case OPERATOR -> paint(styles, token.start(), token.end(), token.text().equals("\n") ? Style.PLAIN : Style.OPERATOR);
                case REDIRECTION -> paint(styles, token.start(), token.end(), Style.REDIRECTION);
                case COMMENT -> paint(styles, token.start(), token.end(), Style.COMMENT);
                case HEREDOC_BODY -> paint(styles, token.start(), token.end(), Style.STRING);
                case WORD -> { }
            }
        }
        for (Word word : LineStructure.words(tokens)) {
            paint(styles, word.start(), word.end(), styleOf(word, tokens));
            for (Segment segment : word.token().segments()) {
                paint(styles, segment.start(), segment.end(), styleOf(segment));
                if (segment.kind() == Segment.Kind.SUBSTITUTION) paintInside(text, segment, styles);
            }
        }
    }

    /**
     * The commands inside {@code $( )} are coloured as commands too; the brackets keep the
     * substitution's colour. Their syntax errors are the whole text's parse's to report.
     */
    private void paintInside(String text, Segment segment, Style[] styles) {
        String whole = text.substring(segment.start(), segment.end());
        if (!whole.startsWith("$(") || whole.startsWith("$((")) return;
        int end = whole.endsWith(")") ? whole.length() - 1 : whole.length();
        String inner = whole.substring(2, end);
        Style[] innerStyles = new Style[inner.length()];
        Arrays.fill(innerStyles, Style.PLAIN);
        paint(inner, LenientLexer.lex(inner), innerStyles);
        System.arraycopy(innerStyles, 0, styles, segment.start() + 2, inner.length());
    }

    private Style styleOf(Word word, List<Token> tokens) {
        return switch (word.role()) {
            case KEYWORD -> Style.KEYWORD;
            case ASSIGNMENT -> Style.ASSIGNMENT;
            case REDIRECT_TARGET, ARGUMENT -> Style.PLAIN;
            case COMMAND -> {
                if (definesFunction(word, tokens)) yield Style.FUNCTION;
                boolean expands = word.token().segments().stream().anyMatch(s ->
                        s.kind() == Segment.Kind.PARAMETER || s.kind() == Segment.Kind.SUBSTITUTION);
                // a name that is only known once expanded cannot be judged while typing
                yield expands ? Style.PLAIN : commandKinds.styleOf(Words.unquote(word.text()));
            }
        };
    }

    /** {@code name() ...}: the name of a function being defined is not a command to look up. */
    private static boolean definesFunction(Word word, List<Token> tokens) {
        int index = tokens.indexOf(word.token());
        return index + 2 < tokens.size() && tokens.get(index + 1).is(Token.Kind.OPERATOR, "(")
                && tokens.get(index + 2).is(Token.Kind.OPERATOR, ")");
    }

    private static Style styleOf(Segment segment) {
        return switch (segment.kind()) {
            case SINGLE_QUOTED, DOUBLE_QUOTED, ESCAPE -> Style.STRING;
            case PARAMETER -> Style.VARIABLE;
            case SUBSTITUTION -> Style.SUBSTITUTION;
            case GLOB -> Style.OPERATOR;
        };
    }

    private static void markSyntaxError(String text, List<Token> tokens, Style[] styles) {
        SyntaxError error;
        try {
            Parser.parse(text);
            return;
        } catch (SyntaxError e) {
            error = e;
        } catch (RuntimeException e) {
            // A parser failure must never break typing: highlight without the error mark.
            return;
        }
        if (error.atEndOfInput() || text.isEmpty()) return; // unfinished, not wrong
        int offset = offsetOf(text, error.line(), error.column());
        int end = offset + 1;
        for (Token token : tokens) {
            if (token.start() <= offset && offset < token.end()) end = token.end();
        }
        int start = Math.min(offset, text.length() - 1);
        paint(styles, start, Math.max(start + 1, Math.min(end, text.length())), Style.ERROR);
    }

    static int offsetOf(String text, int line, int column) {
        int offset = 0;
        for (int l = 1; l < line && offset >= 0; l++) {
            int newline = text.indexOf('\n', offset);
            offset = newline < 0 ? text.length() : newline + 1;
        }
        return Math.min(text.length(), offset + Math.max(0, column - 1));
    }

    private static void paint(Style[] styles, int start, int end, Style style) {
        for (int i = Math.max(0, start); i < Math.min(end, styles.length); i++) styles[i] = style;
    }

    private static List<StyledSpan> spans(Style[] styles) {
        List<StyledSpan> spans = new ArrayList<>();
        int start = 0;
        for (int i = 1; i <= styles.length; i++) {
            if (i == styles.length || styles[i] != styles[start]) {
                if (styles[start] != Style.PLAIN) spans.add(new StyledSpan(start, i, styles[start]));
                start = i;
            }
        }
        return spans;
    }
}
