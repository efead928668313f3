package dev.pipes.grammar.antlr;

import dev.pipes.grammar.ast.Span;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;

/** Spans of parse-tree nodes and tokens, mapped into the user's text by a {@link Source}. */
final class Spans {
    private final Source source;

    Spans(Source source) {
        this.source = source;
    }

    Source source() {
        return source;
    }

    Span of(ParserRuleContext ctx) {
        return between(ctx.getStart(), ctx.getStop());
    }

    Span of(Token token) {
        return between(token, token);
    }

    Span between(ParserRuleContext first, ParserRuleContext last) {
        return between(first.getStart(), last.getStop());
    }

    Span between(Token first, Token last) {
        int stop = last == null ? first.getStartIndex() - 1 : last.getStopIndex();
        return source.span(first.getLine(), first.getCharPositionInLine(), first.getStartIndex(), stop);
    }

    /** A zero-length span just after {@code token} (an empty assignment value, an empty argument). */
    Span emptyAfter(Token token) {
        int length = token.getStopIndex() - token.getStartIndex() + 1;
        Span span = source.span(token.getLine(), token.getCharPositionInLine() + length, token.getStopIndex() + 1,
                token.getStopIndex());
        return span;
    }

    /** From the start of the text to {@code eof}: the span of a whole script. */
    Span wholeText(Token eof) {
        return source.span(1, 0, 0, eof.getStartIndex() - 1);
    }
}
