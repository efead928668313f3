package dev.pipes.grammar;

import dev.pipes.grammar.antlr.ScriptParser;
import dev.pipes.grammar.ast.Script;

/**
 * The entry point of the grammar module: text in, immutable tree out, or one {@link SyntaxError}.
 * Stateless and thread-safe.
 */
public final class Parser {
    /** The source name used in rendered errors when none is given. */
    public static final String DEFAULT_SOURCE_NAME = "pipesh";

    /**
     * The reserved words of the language, the one list every tool uses (type, completion,
     * highlighting); the lexer recognises exactly these.
     */
    public static final java.util.Set<String> RESERVED_WORDS = dev.pipes.grammar.antlr.PipesLexerBase.reservedWords();

    private Parser() {}

    /** Parses a whole text (a script, a {@code -c} string, one REPL entry). */
    public static Script parse(String text) {
        return parse(text, DEFAULT_SOURCE_NAME);
    }

    /**
     * Parses a whole text; {@code sourceName} (a file name, {@code -c}) appears in
     * {@link SyntaxError#render()}.
     *
     * @throws SyntaxError on any syntax error, never another exception for any input
     */
    public static Script parse(String text, String sourceName) {
        return ScriptParser.parse(text, sourceName).script();
    }

    /**
     * Whether {@code text} is complete, an incomplete beginning (an open quote or construct, a
     * trailing {@code |}, {@code &&} or {@code ||}, a here-document without its delimiter line, a
     * backslash-newline at the end), or invalid whatever follows.
     */
    public static Completeness classify(String text) {
        try {
            return ScriptParser.parse(text, DEFAULT_SOURCE_NAME).endsWithContinuation()
                    ? Completeness.INCOMPLETE : Completeness.COMPLETE;
        } catch (SyntaxError error) {
            return error.atEndOfInput() ? Completeness.INCOMPLETE : Completeness.INVALID;
        }
    }
}
