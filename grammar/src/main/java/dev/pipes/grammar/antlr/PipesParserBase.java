package dev.pipes.grammar.antlr;

import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenStream;

/** Predicates of the parser grammar. */
public abstract class PipesParserBase extends Parser {
    protected PipesParserBase(TokenStream input) {
        super(input);
    }

    /**
     * Whether the next token continues the current word: nothing (no blank, no comment, which
     * sit on the hidden channel) lies between it and the previous token.
     */
    protected boolean adjacent() {
        Token previous = _input.LT(-1);
        Token next = _input.LT(1);
        return previous != null && next.getTokenIndex() == previous.getTokenIndex() + 1;
    }
}
