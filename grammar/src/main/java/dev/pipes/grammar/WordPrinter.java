package dev.pipes.grammar;

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
            case WordPart.Tilde tilde -> out.append('~').append(tilde.user());
            case WordPart.Glob glob -> out.append(glob.character());
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
            boolean isName = !name.isEmpty() && !Character.isDigit(name.charAt(0));
            // ${1}0 rather than $10, which reads as the tenth parameter (it is not, in sh)
            if (special || ((digit || isName) && !continuesName(next))) {
                out.append('$').append(name);
                return;
            }
            out.append("${").append(name).append('}');
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
