package dev.pipes.engine.interp;

import dev.pipes.engine.pattern.ShPattern;
import dev.pipes.grammar.ast.Conditional;
import dev.pipes.grammar.ast.Word;
import dev.pipes.grammar.ast.WordPart;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Evaluates {@code [[ ]]}: words expanded without splitting or globbing, {@code && ||} short-circuit,
 * the right side of {@code == !=} a pattern, that of {@code =~} an extended regular expression whose
 * groups land in {@code BASH_REMATCH}, the operands of {@code -eq} and the like arithmetic.
 */
final class ConditionalEvaluator {
    /** A bad regular expression: status 2, as in bash. */
    static final class BadRegex extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BadRegex(String message) {
            super(message);
        }
    }

    private final ShellState state;
    private final Expander expander;

    ConditionalEvaluator(ShellState state, Expander expander) {
        this.state = state;
        this.expander = expander;
    }

    boolean evaluate(Conditional expression) {
        return switch (expression) {
            case Conditional.Not n -> !evaluate(n.operand());
            case Conditional.And a -> evaluate(a.left()) && evaluate(a.right());
            case Conditional.Or o -> evaluate(o.left()) || evaluate(o.right());
            case Conditional.Unary u -> unary(u.op(), expander.string(u.operand()));
            case Conditional.Binary b -> binary(b);
        };
    }

    private boolean unary(String op, String operand) {
        if (op.equals("-v")) return Subscripts.isSet(state, expander, operand);
        if (op.equals("-o")) {
            Options.Option option = Options.Option.byName(operand);
            return option != null && state.has(option);
        }
        if (op.equals("-R")) return false;
        return TestBuiltin.unary(state, op, operand);
    }

    private boolean binary(Conditional.Binary b) {
        String left = expander.string(b.left());
        return switch (b.op()) {
            case "==", "=" -> ShPattern.matches(expander.pattern(b.right()), left);
            case "!=" -> !ShPattern.matches(expander.pattern(b.right()), left);
            case "=~" -> regex(left, b.right());
            case "<" -> left.compareTo(expander.string(b.right())) < 0;
            case ">" -> left.compareTo(expander.string(b.right())) > 0;
            case "-nt" -> TestBuiltin.modified(state, left).compareTo(TestBuiltin.modified(state, expander.string(b.right()))) > 0;
            case "-ot" -> TestBuiltin.modified(state, left).compareTo(TestBuiltin.modified(state, expander.string(b.right()))) < 0;
            case "-ef" -> TestBuiltin.sameFile(state, left, expander.string(b.right()));
            default -> {
                long l = expander.evaluateArithmetic(left, null);
                long r = expander.evaluateArithmetic(expander.string(b.right()), null);
                yield switch (b.op()) {
                    case "-eq" -> l == r;
                    case "-ne" -> l != r;
                    case "-lt" -> l < r;
                    case "-le" -> l <= r;
                    case "-gt" -> l > r;
                    default -> l >= r;
                };
            }
        };
    }

    private boolean regex(String subject, Word regexWord) {
        String regex = regexText(regexWord);
        Pattern pattern;
        try {
            pattern = Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new BadRegex("invalid regular expression '" + regex + "'");
        }
        Matcher matcher = pattern.matcher(subject);
        if (!matcher.find()) {
            state.variables.setArray("BASH_REMATCH", List.of());
            return false;
        }
        List<String> groups = new ArrayList<>();
        for (int i = 0; i <= matcher.groupCount(); i++) groups.add(matcher.group(i) == null ? "" : matcher.group(i));
        state.variables.setArray("BASH_REMATCH", groups);
        return true;
    }

    /** The regex: unquoted text as written (expansions included), quoted text matching itself. */
    private String regexText(Word word) {
        StringBuilder out = new StringBuilder();
        for (WordPart part : word.parts()) {
            if (part instanceof WordPart.Literal literal) {
                out.append(posixClasses(literal.text()));
            } else if (part instanceof WordPart.Parameter || part instanceof WordPart.CommandSubstitution
                    || part instanceof WordPart.Arithmetic) {
                out.append(posixClasses(expander.string(new Word(List.of(part), part.span()))));
            } else {
                out.append(Pattern.quote(expander.string(new Word(List.of(part), part.span()))));
            }
        }
        return out.toString();
    }

    /** POSIX bracket classes ({@code [[:digit:]]}) in Java's spelling. */
    private static String posixClasses(String regex) {
        return regex.replace("[:alpha:]", "\\p{Alpha}").replace("[:digit:]", "\\d").replace("[:alnum:]", "\\p{Alnum}")
                .replace("[:space:]", "\\s").replace("[:upper:]", "\\p{Upper}").replace("[:lower:]", "\\p{Lower}")
                .replace("[:punct:]", "\\p{Punct}").replace("[:xdigit:]", "\\p{XDigit}").replace("[:blank:]", " \\t")
                .replace("[:cntrl:]", "\\p{Cntrl}").replace("[:print:]", "\\p{Print}").replace("[:graph:]", "\\p{Graph}");
    }
}
