package dev.pipes.grammar.antlr;

import dev.pipes.grammar.ast.Redirect;
import dev.pipes.grammar.ast.RedirectOp;
import dev.pipes.grammar.ast.Span;
import dev.pipes.grammar.ast.Word;
import dev.pipes.grammar.ast.WordPart;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.TerminalNode;

/** Builds redirections, one visitor method per labeled alternative of the redirect rule. */
final class RedirectBuilder extends PipesParserBaseVisitor<Redirect> {
    private static final int MAX_FD = 1 << 16;

    private final Spans spans;
    private final WordBuilder words;
    private final Map<Integer, HereDocBody> hereDocBodies;

    RedirectBuilder(Spans spans, WordBuilder words, Map<Integer, HereDocBody> hereDocBodies) {
        this.spans = spans;
        this.words = words;
        this.hereDocBodies = hereDocBodies;
    }

    Redirect build(PipesParser.RedirectContext ctx) {
        return visit(ctx);
    }

    List<Redirect> all(List<PipesParser.RedirectContext> contexts) {
        List<Redirect> redirects = new ArrayList<>(contexts.size());
        for (PipesParser.RedirectContext ctx : contexts) redirects.add(build(ctx));
        return redirects;
    }

    @Override
    public Redirect visitFileRedirect(PipesParser.FileRedirectContext ctx) {
        RedirectOp op = operator(ctx.redirectOperator().getStart().getType());
        int fd = ctx.IO_NUMBER() == null ? op.defaultFd() : fd(ctx.IO_NUMBER());
        return new Redirect.FileRedirect(fd, op, words.word(ctx.word()), spans.of(ctx));
    }

    @Override
    public Redirect visitHereDoc(PipesParser.HereDocContext ctx) {
        int fd = ctx.IO_NUMBER() == null ? 0 : fd(ctx.IO_NUMBER());
        Token operator = ctx.DLESS() != null ? ctx.DLESS().getSymbol() : ctx.DLESSDASH().getSymbol();
        HereDocBody body = hereDocBodies.get(operator.getStartIndex());
        if (body == null) {
            throw spans.source().error(operator.getLine(), operator.getCharPositionInLine(),
                    "here-document has no body", true);
        }
        Source source = spans.source();
        Source nested = source.nested(source.baseOffset() + body.startOffset(), source.line(body.line()), 1);
        Span bodySpan = nested.span(1, 0, 0, body.text().length() - 1);
        List<WordPart> parts;
        if (body.text().isEmpty()) {
            parts = List.of();
        } else if (body.delimiter().quoted()) {
            parts = List.of(new WordPart.Literal(body.text(), bodySpan));
        } else {
            parts = ScriptParser.parseHereDocText(body.text(), nested);
        }
        return new Redirect.HereDoc(fd, body.delimiter().text(), body.delimiter().quoted(), body.stripTabs(),
                new Word(parts, bodySpan), spans.of(ctx));
    }

    private int fd(TerminalNode number) {
        String digits = number.getText();
        if (digits.length() > 6 || Integer.parseInt(digits) > MAX_FD) {
            Token token = number.getSymbol();
            throw spans.source().error(token.getLine(), token.getCharPositionInLine(),
                    "file descriptor " + digits + " is too large", false);
        }
        return Integer.parseInt(digits);
    }

    private static RedirectOp operator(int tokenType) {
        return switch (tokenType) {
            case PipesParser.LESS -> RedirectOp.IN;
            case PipesParser.GREAT -> RedirectOp.OUT;
            case PipesParser.DGREAT -> RedirectOp.APPEND;
            case PipesParser.CLOBBER -> RedirectOp.CLOBBER;
            case PipesParser.LESSGREAT -> RedirectOp.READ_WRITE;
            case PipesParser.LESSAND -> RedirectOp.DUP_IN;
            case PipesParser.GREATAND -> RedirectOp.DUP_OUT;
            case PipesParser.AND_GREAT -> RedirectOp.OUT_AND_ERR;
            case PipesParser.AND_DGREAT -> RedirectOp.APPEND_OUT_AND_ERR;
            case PipesParser.TLESS -> RedirectOp.HERE_STRING;
            default -> throw new IllegalStateException("not a redirection operator: " + tokenType);
        };
    }
}
