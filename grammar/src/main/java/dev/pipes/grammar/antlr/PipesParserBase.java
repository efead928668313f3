package dev.pipes.grammar.antlr;

import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenStream;

/**
 * Limits how deeply rules may nest, so that absurdly nested text ({@code ((((...}) gets a syntax
 * error instead of exhausting the stack here or in whatever walks the tree later.
 */
public abstract class PipesParserBase extends Parser {
    /** Rule invocations deep; one level of ( ), $( ) or if costs about seven. */
    static final int MAX_RULE_DEPTH = 1000;

    private int depth;
    private Source source = Source.root("", "pipesh");

    protected PipesParserBase(TokenStream input) {
        super(input);
    }

    void setSource(Source source) {
        this.source = source;
    }

    @Override
    public void enterRule(ParserRuleContext localctx, int state, int ruleIndex) {
        if (++depth > MAX_RULE_DEPTH) {
            Token at = getCurrentToken();
            throw source.error(at.getLine(), at.getCharPositionInLine(),
                    "the text is nested too deeply (more than about " + MAX_RULE_DEPTH / 7 + " levels)", false);
        }
        super.enterRule(localctx, state, ruleIndex);
    }

    @Override
    public void exitRule() {
        depth--;
        super.exitRule();
    }
}
