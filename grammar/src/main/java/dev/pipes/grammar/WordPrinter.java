package dev.pipes.grammar;

import dev.pipes.grammar.ast.Conditional;

import dev.pipes.grammar.ast.ParameterOp;
import dev.pipes.grammar.ast.Word;
import dev.pipes.grammar.ast.WordPart;
import java.util.List;

/** Canonical source of words and their parts, in each quoting context. */
final class WordPrinter {
    private WordPrinter() {}

    /** Characters that never occur in an unquoted literal the parser builds; escaped if present. */
    private static final String UNQUOTED_SPECIAL = " \t\n|&;<>()'\"`*?[";

    private enum Context { UNQUOTED, DOUBLE_QUOTED, PARAMETER_WORD, HERE_DOC, ARITHMETIC }

    static String word(Word word) {
        return parts(word.parts(), Context.UNQUOTED);
    }

    static String assignmentValue(Word value) {
        return parts(value.parts(), Context.UNQUOTED);
    }

    static String hereDocBody(Word body) {
        return parts(body.parts(), Context.HERE_DOC);
    }

    /** The text of a body that is not expanded: its literal parts as they are. */
    static String raw(Word body) {
        StringBuilder text = new StringBuilder();
        for (WordPart part : body.parts()) {
            if (part instanceof WordPart.Literal literal) text.append(literal.text());
            else text.append(parts(List.of(part), Context.HERE_DOC));
        }
        return text.toString();
    }

    /** The text of an arithmetic command's expression, as written between {@code ((} and {@code ))}. */
    static String arithmetic(Word expression) {
        return parts(expression.parts(), Context.ARITHMETIC);
    }

    /** A {@code [[ ]]} expression; the regex after {@code =~} keeps its unquoted text as written. */
    static String conditional(Conditional expression) {
        return switch (expression) {
            case Conditional.Unary u -> u.op().equals("-n") && !isOperatorLike(u.operand())
                    ? word(u.operand()) : u.op() + " " + word(u.operand());
            case Conditional.Binary b -> word(b.left()) + " " + b.op() + " "
                    + (b.op().equals("=~") ? regex(b.right()) : word(b.right()));
            case Conditional.Not n -> "! " + grouped(n.operand());
            case Conditional.And a -> grouped(a.left(), true) + " && " + grouped(a.right(), true);
            case Conditional.Or o -> conditional(o.left()) + " || " + grouped(o.right(), false);
        };
    }

    private static String grouped(Conditional c) {
        return c instanceof Conditional.And || c instanceof Conditional.Or ? "( " + conditional(c) + " )" : conditional(c);
    }

    private static String grouped(Conditional c, boolean insideAnd) {
        return c instanceof Conditional.Or || (!insideAnd && c instanceof Conditional.And) ? "( " + conditional(c) + " )"
                : conditional(c);
    }

    /** A lone word that reads as an operator must be printed as "-n word". */
    private static boolean isOperatorLike(Word word) {
        String text = word(word);
        return text.startsWith("-") || text.equals("!") || text.equals("(") || text.equals("[[") || text.equals("]]");
    }

    private static String regex(Word regex) {
        StringBuilder out = new StringBuilder();
        for (WordPart part : regex.parts()) {
            if (part instanceof WordPart.Literal literal) out.append(literal.text());
            else out.append(parts(List.of(part), Context.UNQUOTED));
        }
        return out.toString();
    }

    static String singleQuote(String text) {
        return "'" + text.replace("'", "'\\''") + "'";
    }

    private static String parts(List<WordPart> parts, Context context) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < parts.size(); i++) {
            WordPart next = i + 1 < parts.size() ? parts.get(i + 1) : null;
            part(out, parts.get(i), next, context);
        }
        return out.toString();
    }

    private static void part(StringBuilder out, WordPart part, WordPart next, Context context) {
        switch (part) {
            case WordPart.Literal literal -> literal(out, literal.text(), context);
            case WordPart.SingleQuoted quoted -> out.append(singleQuote(quoted.text()));
            case WordPart.DoubleQuoted quoted ->
                out.append('"').append(parts(quoted.parts(), Context.DOUBLE_QUOTED)).append('"');
            case WordPart.Escaped escaped -> {
                for (char c : escaped.text().toCharArray()) {
                    if (c == '\n') out.append("'\n'");
                    else out.append('\\').append(c);
                }
            }
            case WordPart.Parameter parameter -> parameter(out, parameter, next);
            case WordPart.Arithmetic arithmetic ->
                out.append("$((").append(parts(arithmetic.expression().parts(), Context.ARITHMETIC)).append("))");
            case WordPart.CommandSubstitution substitution -> {
                String script = Printer.printOneLine(substitution.script());
                // "$((" would start arithmetic; a newline before ")" ends a here-document's body
                out.append("$(").append(script.startsWith("(") ? " " : "").append(script)
                        .append(script.contains("\n") ? "\n" : "").append(')');
            }
            case WordPart.ProcessSubstitution substitution -> {
                String script = Printer.printOneLine(substitution.script());
                out.append(substitution.output() ? ">(" : "<(").append(script)
                        .append(script.contains("\n") ? "\n" : "").append(')');
            }
            case WordPart.Tilde tilde -> out.append('~').append(tilde.user());
            case WordPart.Glob glob -> out.append(glob.character());
            case WordPart.ExtGlob glob -> out.append(glob.text());
            case WordPart.ArrayLiteral array -> {
                out.append('(');
                for (int i = 0; i < array.elements().size(); i++) {
                    if (i > 0) out.append(' ');
                    out.append(word(array.elements().get(i)));
                }
                out.append(')');
            }
        }
    }

    private static void literal(StringBuilder out, String text, Context context) {
        for (char c : text.toCharArray()) {
            boolean escape = switch (context) {
                case UNQUOTED -> UNQUOTED_SPECIAL.indexOf(c) >= 0;
                case DOUBLE_QUOTED -> c == '"' || c == '`';
                case PARAMETER_WORD -> c == '"' || c == '`' || c == '\'';
                case HERE_DOC, ARITHMETIC -> c == '`';
            };
            if (escape) out.append('\\');
            out.append(c);
        }
    }

    private static void parameter(StringBuilder out, WordPart.Parameter parameter, WordPart next) {
        String name = parameter.name();
        if (parameter.op() == ParameterOp.PLAIN) {
            boolean special = name.length() == 1 && !Character.isLetterOrDigit(name.charAt(0)) && name.charAt(0) != '_';
            boolean digit = name.length() == 1 && Character.isDigit(name.charAt(0));
            boolean isName = name.matches("[A-Za-z_][A-Za-z0-9_]*");
            // ${1}0 rather than $10, which reads as the tenth parameter (it is not, in sh)
            if (special || ((digit || isName) && !continuesName(next))) {
                out.append('$').append(name);
                return;
            }
            out.append("${").append(name).append('}');
            return;
        }
        if (parameter.op() == ParameterOp.NAMES_WITH_PREFIX) {
            out.append("${!").append(name).append('}');
            return;
        }
        if (parameter.op() == ParameterOp.LENGTH) {
            out.append("${#").append(name).append('}');
            return;
        }
        out.append("${").append(name).append(parameter.op().text())
                .append(parts(parameter.argument().parts(), Context.PARAMETER_WORD)).append('}');
    }

    /** Whether {@code next} starts with a character that would extend {@code $name}. */
    private static boolean continuesName(WordPart next) {
        if (!(next instanceof WordPart.Literal literal) || literal.text().isEmpty()) return false;
        char c = literal.text().charAt(0);
        return Character.isLetterOrDigit(c) || c == '_';
    }
}
