package dev.pipes.grammar.antlr;

import dev.pipes.grammar.ast.Conditional;
import dev.pipes.grammar.ast.Span;
import dev.pipes.grammar.ast.Word;
import dev.pipes.grammar.ast.WordPart;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.ParseTree;
import org.antlr.v4.runtime.tree.TerminalNode;

/**
 * Gives the items between {@code [[} and {@code ]]} their structure, by precedence: {@code ||}
 * below {@code &&} below {@code !}, then {@code ( )}, unary and binary tests and lone words. The
 * word after {@code =~} runs up to the next blank, parentheses and {@code |} included, as in bash.
 */
final class ConditionalBuilder {
    static final Set<String> UNARY = Set.of("-a", "-b", "-c", "-d", "-e", "-f", "-g", "-h", "-k", "-p", "-r", "-s",
            "-t", "-u", "-w", "-x", "-G", "-L", "-N", "-O", "-S", "-z", "-n", "-o", "-v", "-R");
    static final Set<String> BINARY = Set.of("==", "=", "!=", "<", ">", "=~", "-eq", "-ne", "-lt", "-le", "-gt",
            "-ge", "-nt", "-ot", "-ef");

    /** One item: a word (with its plain text when it is unquoted literal text) or an operator token. */
    private record Item(Word word, String text, Token token) {
        boolean is(String operator) {
            return operator.equals(text);
        }
    }

    private final Spans spans;
    private final WordBuilder words;
    private final Token close;
    private final List<Item> items = new ArrayList<>();
    private int next;

    private ConditionalBuilder(Spans spans, WordBuilder words, Token close) {
        this.spans = spans;
        this.words = words;
        this.close = close;
    }

    static Conditional build(PipesParser.ConditionalContext ctx, Spans spans, WordBuilder words) {
        ConditionalBuilder builder = new ConditionalBuilder(spans, words, ctx.DRBRACKET().getSymbol());
        builder.read(ctx.condItem());
        if (builder.items.isEmpty()) throw builder.error(builder.close, "expected an expression after '[['");
        Conditional expression = builder.or();
        if (builder.next < builder.items.size()) {
            throw builder.error(builder.items.get(builder.next).token(), "unexpected "
                    + describe(builder.items.get(builder.next)) + " in the '[[ ]]'");
        }
        return expression;
    }

    private void read(List<PipesParser.CondItemContext> contexts) {
        for (int i = 0; i < contexts.size(); i++) {
            PipesParser.CondItemContext item = contexts.get(i);
            if (item.NEWLINE() != null) continue;
            if (item.word() != null) {
                Word word = words.word(item.word());
                items.add(new Item(word, plainText(word), item.getStart()));
                if (plainText(word) != null && plainText(word).equals("=~") && i + 1 < contexts.size()) {
                    i = regex(contexts, i + 1) - 1;
                }
            } else {
                items.add(new Item(null, item.getStart().getText(), item.getStart()));
            }
        }
    }

    /** The regular expression after {@code =~}: adjacent items up to a blank. Returns the index after it. */
    private int regex(List<PipesParser.CondItemContext> contexts, int from) {
        List<WordPart> parts = new ArrayList<>();
        int i = from;
        int end = -1;
        Token first = null;
        while (i < contexts.size()) {
            PipesParser.CondItemContext item = contexts.get(i);
            if (item.NEWLINE() != null) break;
            Token start = item.getStart();
            if (end >= 0 && start.getStartIndex() != end + 1) break;
            if (item.AND_IF() != null || item.OR_IF() != null) break;
            if (first == null) first = start;
            if (item.word() != null) {
                for (WordPart part : words.word(item.word()).parts()) {
                    // unquoted text is regex text; a lone '$' (kept as an escape of one character) is the anchor
                    if (part instanceof WordPart.Glob glob) parts.add(new WordPart.Literal(String.valueOf(glob.character()), glob.span()));
                    else if (part instanceof WordPart.ExtGlob glob) parts.add(new WordPart.Literal(glob.text(), glob.span()));
                    else if (part instanceof WordPart.Escaped e && e.text().equals("$") && e.span().end() - e.span().start() == 1) {
                        parts.add(new WordPart.Literal("$", e.span()));
                    } else parts.add(part);
                }
            } else {
                parts.add(new WordPart.Literal(start.getText(), spans.of(start)));
            }
            end = item.getStop().getStopIndex();
            i++;
        }
        if (first == null) return from;
        Span span = spans.between(first, contexts.get(i - 1).getStop());
        items.add(new Item(new Word(WordBuilder.merge(parts), span), null, first));
        return i;
    }

    private Conditional or() {
        Conditional left = and();
        while (peek("||")) {
            next++;
            Conditional right = and();
            left = new Conditional.Or(left, right, left.span().to(right.span()));
        }
        return left;
    }

    private Conditional and() {
        Conditional left = not();
        while (peek("&&")) {
            next++;
            Conditional right = not();
            left = new Conditional.And(left, right, left.span().to(right.span()));
        }
        return left;
    }

    private Conditional not() {
        if (peek("!")) {
            Item bang = items.get(next++);
            Conditional operand = not();
            return new Conditional.Not(operand, spans.of(bang.token()).to(operand.span()));
        }
        return primary();
    }

    private Conditional primary() {
        Item item = take("an expression");
        if (item.word() == null && item.is("(")) {
            Conditional inner = or();
            Item closing = take("')'");
            if (!closing.is(")")) throw error(closing.token(), "expected ')' in the '[[ ]]', found " + describe(closing));
            return inner;
        }
        if (item.word() == null) throw error(item.token(), "unexpected " + describe(item) + " in the '[[ ]]'");
        if (next < items.size() && isBinary(items.get(next))) {
            Item op = items.get(next++);
            Item right = take("a word after '" + op.text() + "'");
            if (right.word() == null) throw error(right.token(), "expected a word after '" + op.text() + "', found " + describe(right));
            return new Conditional.Binary(op.text(), item.word(), right.word(), item.word().span().to(right.word().span()));
        }
        if (item.text() != null && UNARY.contains(item.text()) && next < items.size() && items.get(next).word() != null
                && !(next + 1 < items.size() && isBinary(items.get(next + 1)))) {
            Item operand = items.get(next++);
            return new Conditional.Unary(item.text(), operand.word(), item.word().span().to(operand.word().span()));
        }
        return new Conditional.Unary("-n", item.word(), item.word().span());
    }

    private static boolean isBinary(Item item) {
        return item.text() != null && BINARY.contains(item.text());
    }

    private boolean peek(String operator) {
        return next < items.size() && items.get(next).word() == null && items.get(next).is(operator)
                || next < items.size() && operator.equals("!") && items.get(next).is("!");
    }

    private Item take(String what) {
        if (next >= items.size()) throw error(close, "expected " + what + " before ']]'");
        return items.get(next++);
    }

    /** The text of a word that is one unquoted literal (operators are written so), else null. */
    private static String plainText(Word word) {
        if (word.parts().size() == 1 && word.parts().get(0) instanceof WordPart.Literal literal) return literal.text();
        return null;
    }

    private static String describe(Item item) {
        String text = item.text() != null ? item.text() : item.token().getText();
        return text.equals("\n") ? "newline" : "'" + text + "'";
    }

    private RuntimeException error(Token token, String message) {
        return spans.source().error(token.getLine(), token.getCharPositionInLine(), message, false);
    }
}
