package dev.pipes.grammar.antlr;

import dev.pipes.grammar.ast.Assignment;
import dev.pipes.grammar.ast.ParameterOp;
import dev.pipes.grammar.ast.Script;
import dev.pipes.grammar.ast.Span;
import dev.pipes.grammar.ast.Word;
import dev.pipes.grammar.ast.WordPart;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;

/**
 * Builds words and their parts, one visitor method per labeled alternative of the word rules.
 * Adjacent unquoted text becomes one {@link WordPart.Literal}, adjacent escapes one
 * {@link WordPart.Escaped}; a leading unquoted {@code ~user/} becomes a {@link WordPart.Tilde}.
 */
final class WordBuilder extends PipesParserBaseVisitor<WordPart> {
    private final Spans spans;
    private AstBuilder commands;

    WordBuilder(Spans spans) {
        this.spans = spans;
    }

    /** Command substitutions hold command lists; set once the command builder exists. */
    void setCommands(AstBuilder commands) {
        this.commands = commands;
    }

    Word commandWord(PipesParser.CommandWordContext ctx) {
        return new Word(Tildes.expandPrefix(childParts(ctx)), spans.of(ctx));
    }

    /** The merged parts built from the rule children of {@code ctx}, in order (tokens skipped). */
    private List<WordPart> childParts(ParserRuleContext ctx) {
        List<WordPart> parts = new ArrayList<>(ctx.getChildCount());
        for (int i = 0; i < ctx.getChildCount(); i++) {
            if (ctx.getChild(i) instanceof ParserRuleContext part) parts.add(visit(part));
        }
        return merge(parts);
    }

    Word word(PipesParser.WordContext ctx) {
        if (ctx.reservedWord() != null) {
            Span span = spans.of(ctx);
            return new Word(List.of(new WordPart.Literal(ctx.getStart().getText(), span)), span);
        }
        if (ctx.commandWord() != null) return commandWord(ctx.commandWord());
        List<WordPart> parts = new ArrayList<>();
        parts.add(new WordPart.Literal(ctx.ASSIGN_PREFIX().getText(), spans.of(ctx.ASSIGN_PREFIX().getSymbol())));
        for (PipesParser.WordPartContext part : ctx.wordPart()) parts.add(visit(part));
        if (ctx.arrayLiteral() != null) parts.add(arrayLiteral(ctx.arrayLiteral()));
        return new Word(merge(parts), spans.of(ctx));
    }

    Assignment assignment(PipesParser.AssignmentContext ctx) {
        String prefix = ctx.ASSIGN_PREFIX().getText();
        Token start = ctx.ASSIGN_PREFIX().getSymbol();
        Span valueSpan = ctx.wordPart().isEmpty()
                ? spans.emptyAfter(start)
                : spans.between(ctx.wordPart(0), ctx);
        Word value = ctx.arrayLiteral() != null
                ? new Word(List.of(arrayLiteral(ctx.arrayLiteral())), spans.of(ctx.arrayLiteral()))
                : new Word(Tildes.expandAssignmentValue(parts(ctx.wordPart())), valueSpan);
        return new Assignment(prefix.substring(0, prefix.length() - 1), value, spans.of(ctx));
    }

    private WordPart arrayLiteral(PipesParser.ArrayLiteralContext ctx) {
        List<Word> elements = new ArrayList<>();
        for (PipesParser.WordContext word : ctx.word()) elements.add(word(word));
        return new WordPart.ArrayLiteral(elements, spans.of(ctx));
    }

    /** The merged parts of a run of word parts (a here-document body, an argument word). */
    List<WordPart> parts(List<? extends ParserRuleContext> contexts) {
        List<WordPart> parts = new ArrayList<>(contexts.size());
        for (ParserRuleContext part : contexts) parts.add(visit(part));
        return merge(parts);
    }

    // ---- firstWordPart / wordPart ----

    @Override
    public WordPart visitFirstLiteral(PipesParser.FirstLiteralContext ctx) {
        return new WordPart.Literal(ctx.getStart().getText(), spans.of(ctx));
    }

    @Override
    public WordPart visitFirstOther(PipesParser.FirstOtherContext ctx) {
        return visit(ctx.quotedOrExpansion());
    }

    @Override
    public WordPart visitLiteral(PipesParser.LiteralContext ctx) {
        return new WordPart.Literal(ctx.getStart().getText(), spans.of(ctx));
    }

    @Override
    public WordPart visitOther(PipesParser.OtherContext ctx) {
        return visit(ctx.quotedOrExpansion());
    }

    // ---- quotedOrExpansion ----

    @Override
    public WordPart visitSingleQuoted(PipesParser.SingleQuotedContext ctx) {
        String text = ctx.getStart().getText();
        return new WordPart.SingleQuoted(text.substring(1, text.length() - 1), spans.of(ctx));
    }

    /** {@code $'...'}: the backslash escapes decoded; the result is quoted text like {@code '...'}. */
    @Override
    public WordPart visitAnsiQuoted(PipesParser.AnsiQuotedContext ctx) {
        String text = ctx.getStart().getText();
        return new WordPart.SingleQuoted(AnsiC.decode(text.substring(2, text.length() - 1)), spans.of(ctx));
    }

    @Override
    public WordPart visitDoubleQuoted(PipesParser.DoubleQuotedContext ctx) {
        List<WordPart> parts = new ArrayList<>(ctx.getChildCount());
        for (int i = 0; i < ctx.getChildCount(); i++) {
            if (!(ctx.getChild(i) instanceof PipesParser.DoubleQuotedPartContext part)) continue;
            parts.add(part.getChild(0) instanceof ParserRuleContext expansion
                    ? visit(expansion)
                    : new WordPart.Literal(part.getStart().getText(), spans.of(part)));
        }
        return new WordPart.DoubleQuoted(merge(parts), spans.of(ctx));
    }

    @Override
    public WordPart visitEscaped(PipesParser.EscapedContext ctx) {
        String text = ctx.getStart().getText();
        // a backslash at the very end of the text escapes nothing and stands for itself; a '$' that
        // starts no expansion stands for itself too, as if it were escaped
        return new WordPart.Escaped(text.length() == 1 ? text : text.substring(1), spans.of(ctx));
    }

    @Override
    public WordPart visitGlob(PipesParser.GlobContext ctx) {
        return new WordPart.Glob(ctx.getStart().getText().charAt(0), spans.of(ctx));
    }

    @Override
    public WordPart visitExtendedGlob(PipesParser.ExtendedGlobContext ctx) {
        return new WordPart.ExtGlob(ctx.getStart().getText(), spans.of(ctx));
    }

    @Override
    public WordPart visitNamedParameter(PipesParser.NamedParameterContext ctx) {
        return plainParameter(ctx.getStart().getText().substring(1), ctx);
    }

    @Override
    public WordPart visitSpecialParameter(PipesParser.SpecialParameterContext ctx) {
        return plainParameter(ctx.getStart().getText().substring(1), ctx);
    }

    private WordPart plainParameter(String name, ParserRuleContext ctx) {
        Span span = spans.of(ctx);
        return new WordPart.Parameter(name, ParameterOp.PLAIN, new Word(List.of(), span), span);
    }

    @Override
    public WordPart visitParameterLength(PipesParser.ParameterLengthContext ctx) {
        String text = ctx.PARAM_LENGTH().getText(); // "#name}"
        Span span = spans.of(ctx);
        return new WordPart.Parameter(text.substring(1, text.length() - 1), ParameterOp.LENGTH,
                new Word(List.of(), span), span);
    }

    @Override
    public WordPart visitParameterPrefixNames(PipesParser.ParameterPrefixNamesContext ctx) {
        String text = ctx.PARAM_PREFIX_NAMES().getText(); // "!prefix*}"
        Span span = spans.of(ctx);
        return new WordPart.Parameter(text.substring(1, text.length() - 1), ParameterOp.NAMES_WITH_PREFIX,
                new Word(List.of(), span), span);
    }

    @Override
    public WordPart visitBracedParameter(PipesParser.BracedParameterContext ctx) {
        String name = ctx.PARAM_NAME().getText();
        Span span = spans.of(ctx);
        if (ctx.PARAM_OP() == null) return new WordPart.Parameter(name, ParameterOp.PLAIN, new Word(List.of(), span), span);
        ParameterOp op = ParameterOp.fromText(ctx.PARAM_OP().getText());
        if (op == ParameterOp.SUBSTRING && ctx.wordPart().isEmpty()) {
            Token colon = ctx.PARAM_OP().getSymbol();
            Token open = ctx.getStart();
            Source source = spans.source();
            throw source.error(colon.getLine(), colon.getCharPositionInLine(), "bad substitution: unexpected ':' in the '${' at "
                    + source.line(open.getLine()) + ":" + source.column(open.getLine(), open.getCharPositionInLine()), false);
        }
        Span argumentSpan = ctx.wordPart().isEmpty()
                ? spans.emptyAfter(ctx.PARAM_OP().getSymbol())
                : spans.between(ctx.wordPart(0), ctx.wordPart(ctx.wordPart().size() - 1));
        return new WordPart.Parameter(name, op, new Word(parts(ctx.wordPart()), argumentSpan), span);
    }

    @Override
    public WordPart visitArithmetic(PipesParser.ArithmeticContext ctx) {
        Span span = spans.of(ctx);
        return new WordPart.Arithmetic(new Word(parts(ctx.wordPart()), span), span);
    }

    @Override
    public WordPart visitCommandSubstitution(PipesParser.CommandSubstitutionContext ctx) {
        Span span = spans.of(ctx);
        Script script = ctx.commandList() == null
                ? new Script(new dev.pipes.grammar.ast.CommandList(List.of(), span), span)
                : new Script(commands.visitCommandList(ctx.commandList()), spans.of(ctx.commandList()));
        return new WordPart.CommandSubstitution(script, span);
    }

    @Override
    public WordPart visitProcessSubstitution(PipesParser.ProcessSubstitutionContext ctx) {
        Span span = spans.of(ctx);
        Script script = ctx.commandList() == null
                ? new Script(new dev.pipes.grammar.ast.CommandList(List.of(), span), span)
                : new Script(commands.visitCommandList(ctx.commandList()), spans.of(ctx.commandList()));
        return new WordPart.ProcessSubstitution(script, ctx.GREAT_PAREN() != null, span);
    }

    @Override
    public WordPart visitBackquoted(PipesParser.BackquotedContext ctx) {
        Token token = ctx.BACKQUOTED().getSymbol();
        String text = token.getText();
        String body = unescapeBackquoted(text.substring(1, text.length() - 1));
        Source source = spans.source();
        Source nested = source.nested(source.baseOffset() + token.getStartIndex() + 1, source.line(token.getLine()),
                source.column(token.getLine(), token.getCharPositionInLine() + 1));
        Script script = ScriptParser.parse(body, nested).script();
        return new WordPart.CommandSubstitution(script, spans.of(ctx));
    }

    /** Inside backquotes a backslash quotes only {@code $}, {@code `} and {@code \}. */
    private static String unescapeBackquoted(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length() && "$`\\".indexOf(text.charAt(i + 1)) >= 0) {
                out.append(text.charAt(++i));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Joins adjacent literals, and adjacent escapes, into one part each. */
    static List<WordPart> merge(List<WordPart> parts) {
        List<WordPart> merged = new ArrayList<>(parts.size());
        for (WordPart part : parts) {
            WordPart last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last instanceof WordPart.Literal a && part instanceof WordPart.Literal b) {
                merged.set(merged.size() - 1, new WordPart.Literal(a.text() + b.text(), a.span().to(b.span())));
            } else if (last instanceof WordPart.Escaped a && part instanceof WordPart.Escaped b) {
                merged.set(merged.size() - 1, new WordPart.Escaped(a.text() + b.text(), a.span().to(b.span())));
            } else {
                merged.add(part);
            }
        }
        return merged;
    }
}
