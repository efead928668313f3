package dev.pipes.grammar;

import dev.pipes.grammar.antlr.PipesLexer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The operators of the language as the grammar's lexer defines them, for tools that must split
 * text the way the parser would without parsing it (the REPL's completion and highlighting):
 * control operators ({@code &&}, {@code |}, {@code ;;}...) and redirection operators ({@code >>},
 * {@code <<-}, {@code &>}...). Read from the lexer's vocabulary, so a token added to the grammar
 * is known here at once.
 */
public final class Operators {
    /** The characters operators are made of. */
    private static final String OPERATOR_CHARACTERS = "|&;()<>-";
    /**
     * Tokens whose text the vocabulary cannot give (ANTLR names a literal only when a single rule
     * has it; ')' also closes {@code $(}).
     */
    private static final Map<Integer, String> UNNAMED = Map.of(PipesLexer.RPAREN, ")");
    /**
     * Tokens made of operator characters that open a nested text rather than join commands:
     * {@code ((} (an arithmetic command) and bash's process substitutions {@code <(} and {@code >(}.
     */
    private static final java.util.Set<Integer> OPENERS = java.util.Set.of(PipesLexer.DPAREN, PipesLexer.LESS_PAREN,
            PipesLexer.GREAT_PAREN);

    private static final List<String> CONTROL;
    private static final List<String> REDIRECTION;

    static {
        List<String> control = new ArrayList<>();
        List<String> redirection = new ArrayList<>();
        for (int type = 1; type <= PipesLexer.VOCABULARY.getMaxTokenType(); type++) {
            if (OPENERS.contains(type)) continue;
            String text = text(type);
            if (text == null || text.isEmpty() || text.startsWith("-") || !isOperatorText(text)) continue;
            if (text.contains("<") || text.contains(">")) redirection.add(text);
            else control.add(text);
        }
        // longest first, so that a lexer trying them in order takes '&&' before '&'
        Comparator<String> longestFirst = Comparator.comparingInt(String::length).reversed();
        control.sort(longestFirst);
        redirection.sort(longestFirst);
        CONTROL = List.copyOf(control);
        REDIRECTION = List.copyOf(redirection);
    }

    private Operators() {}

    private static String text(int type) {
        if (UNNAMED.containsKey(type)) return UNNAMED.get(type);
        String literal = PipesLexer.VOCABULARY.getLiteralName(type);
        if (literal == null || literal.length() < 3) return null;
        return literal.substring(1, literal.length() - 1); // 'text' -> text
    }

    private static boolean isOperatorText(String text) {
        for (int i = 0; i < text.length(); i++) if (OPERATOR_CHARACTERS.indexOf(text.charAt(i)) < 0) return false;
        return true;
    }

    /** The control operators, longest first. */
    public static List<String> control() {
        return CONTROL;
    }

    /** The redirection operators (without their descriptor number), longest first. */
    public static List<String> redirection() {
        return REDIRECTION;
    }
}
