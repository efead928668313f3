package dev.pipes.grammar;

import dev.pipes.grammar.ast.ArithmeticCommand;
import dev.pipes.grammar.ast.ArithmeticFor;
import dev.pipes.grammar.ast.Conditional;
import dev.pipes.grammar.ast.ConditionalCommand;

import dev.pipes.grammar.ast.AndOr;
import dev.pipes.grammar.ast.Assignment;
import dev.pipes.grammar.ast.BraceGroup;
import dev.pipes.grammar.ast.CaseCommand;
import dev.pipes.grammar.ast.Command;
import dev.pipes.grammar.ast.CommandList;
import dev.pipes.grammar.ast.ForCommand;
import dev.pipes.grammar.ast.FunctionDefinition;
import dev.pipes.grammar.ast.IfCommand;
import dev.pipes.grammar.ast.ListItem;
import dev.pipes.grammar.ast.LoopCommand;
import dev.pipes.grammar.ast.Node;
import dev.pipes.grammar.ast.Pipeline;
import dev.pipes.grammar.ast.Redirect;
import dev.pipes.grammar.ast.Script;
import dev.pipes.grammar.ast.SimpleCommand;
import dev.pipes.grammar.ast.Span;
import dev.pipes.grammar.ast.Subshell;
import dev.pipes.grammar.ast.Word;
import dev.pipes.grammar.ast.WordPart;
import java.util.List;

/**
 * A readable, indented dump of a tree, one node per line with its position, words on one line
 * each; what {@code pipesh --parse-only} prints. Wrappers that add nothing (an and-or list of one pipeline,
 * a pipeline of one command) are left out.
 */
public final class TreeDump {
    private final StringBuilder out = new StringBuilder();

    private TreeDump() {}

    public static String dump(Node node) {
        TreeDump dump = new TreeDump();
        dump.node(node, 0);
        return dump.out.toString();
    }

    private void line(int depth, String text, Span span) {
        out.append("  ".repeat(depth)).append(text);
        if (!span.equals(Span.NONE)) out.append(" @").append(span.position());
        out.append('\n');
    }

    private void node(Node node, int depth) {
        switch (node) {
            case Script script -> {
                line(depth, "Script", script.span());
                list(script.commands(), depth + 1);
            }
            case CommandList list -> list(list, depth);
            case ListItem item -> item(item, depth);
            case AndOr andOr -> andOr(andOr, depth);
            case Pipeline pipeline -> pipeline(pipeline, depth);
            case Command command -> command(command, depth);
            case Word word -> line(depth, "word " + word(word), word.span());
            default -> line(depth, node.toString(), node.span());
        }
    }

    private void list(CommandList list, int depth) {
        for (ListItem item : list.items()) item(item, depth);
    }

    private void item(ListItem item, int depth) {
        if (item.background()) {
            line(depth, "Background", item.span());
            andOr(item.command(), depth + 1);
        } else {
            andOr(item.command(), depth);
        }
    }

    private void andOr(AndOr andOr, int depth) {
        if (andOr.rest().isEmpty()) {
            pipeline(andOr.first(), depth);
            return;
        }
        line(depth, "AndOr", andOr.span());
        pipeline(andOr.first(), depth + 1);
        for (AndOr.Link link : andOr.rest()) {
            line(depth + 1, link.connector().text(), link.span());
            pipeline(link.pipeline(), depth + 1);
        }
    }

    private void pipeline(Pipeline pipeline, int depth) {
        if (pipeline.commands().size() == 1 && !pipeline.negated() && !pipeline.timed()) {
            command(pipeline.commands().get(0), depth);
            return;
        }
        line(depth, "Pipeline" + (pipeline.timed() ? " time" : "") + (pipeline.negated() ? " !" : ""), pipeline.span());
        for (Command command : pipeline.commands()) command(command, depth + 1);
    }

    private void command(Command command, int depth) {
        int inner = depth + 1;
        switch (command) {
            case SimpleCommand simple -> {
                line(depth, "SimpleCommand", simple.span());
                for (Assignment assignment : simple.assignments()) {
                    line(inner, "assign " + assignment.name() + " = " + word(assignment.value()), assignment.span());
                }
                for (Word word : simple.words()) line(inner, "word " + word(word), word.span());
            }
            case Subshell subshell -> {
                line(depth, "Subshell", subshell.span());
                list(subshell.body(), inner);
            }
            case BraceGroup group -> {
                line(depth, "BraceGroup", group.span());
                list(group.body(), inner);
            }
            case IfCommand ifCommand -> {
                line(depth, "If", ifCommand.span());
                for (IfCommand.Branch branch : ifCommand.branches()) {
                    line(inner, "condition", branch.condition().span());
                    list(branch.condition(), inner + 1);
                    line(inner, "then", branch.body().span());
                    list(branch.body(), inner + 1);
                }
                ifCommand.elseBody().ifPresent(body -> {
                    line(inner, "else", body.span());
                    list(body, inner + 1);
                });
            }
            case LoopCommand loop -> {
                line(depth, loop.kind() == LoopCommand.Kind.WHILE ? "While" : "Until", loop.span());
                line(inner, "condition", loop.condition().span());
                list(loop.condition(), inner + 1);
                line(inner, "do", loop.body().span());
                list(loop.body(), inner + 1);
            }
            case ForCommand forCommand -> {
                line(depth, "For " + forCommand.variable(), forCommand.span());
                forCommand.words().ifPresentOrElse(
                        words -> line(inner, "in " + words(words), Span.NONE),
                        () -> line(inner, "in \"$@\" (implied)", Span.NONE));
                line(inner, "do", forCommand.body().span());
                list(forCommand.body(), inner + 1);
            }
            case CaseCommand caseCommand -> {
                line(depth, "Case " + word(caseCommand.subject()), caseCommand.span());
                for (CaseCommand.Item item : caseCommand.items()) {
                    line(inner, "pattern " + words(item.patterns())
                            + (item.end() == CaseCommand.End.BREAK ? "" : " " + item.end().text()), item.span());
                    list(item.body(), inner + 1);
                }
            }
            case ArithmeticCommand arithmetic -> line(depth, "Arithmetic " + word(arithmetic.expression()), arithmetic.span());
            case ArithmeticFor forCommand -> {
                line(depth, "ArithmeticFor " + word(forCommand.init()) + "; " + word(forCommand.condition()) + "; "
                        + word(forCommand.step()), forCommand.span());
                line(inner, "do", forCommand.body().span());
                list(forCommand.body(), inner + 1);
            }
            case ConditionalCommand conditional -> {
                line(depth, "Conditional", conditional.span());
                conditional(conditional.expression(), inner);
            }
            case FunctionDefinition function -> {
                line(depth, "Function " + function.name(), function.span());
                command(function.body(), inner);
            }
        }
        for (Redirect redirect : command.redirects()) redirect(redirect, inner);
    }

    private void conditional(Conditional expression, int depth) {
        switch (expression) {
            case Conditional.Unary u -> line(depth, u.op() + " " + word(u.operand()), u.span());
            case Conditional.Binary b -> line(depth, word(b.left()) + " " + b.op() + " " + word(b.right()), b.span());
            case Conditional.Not n -> {
                line(depth, "!", n.span());
                conditional(n.operand(), depth + 1);
            }
            case Conditional.And a -> {
                line(depth, "&&", a.span());
                conditional(a.left(), depth + 1);
                conditional(a.right(), depth + 1);
            }
            case Conditional.Or o -> {
                line(depth, "||", o.span());
                conditional(o.left(), depth + 1);
                conditional(o.right(), depth + 1);
            }
        }
    }

    private void redirect(Redirect redirect, int depth) {
        switch (redirect) {
            case Redirect.FileRedirect file -> line(depth,
                    "redirect " + file.fd() + " " + file.op().text() + " " + word(file.target()), file.span());
            case Redirect.HereDoc hereDoc -> {
                line(depth, "heredoc " + hereDoc.fd() + (hereDoc.stripTabs() ? " <<- " : " << ")
                        + (hereDoc.quotedDelimiter() ? "'" + hereDoc.delimiter() + "' (quoted: no expansion)"
                                                     : hereDoc.delimiter()), hereDoc.span());
                line(depth + 1, "body " + word(hereDoc.body()), hereDoc.body().span());
            }
        }
    }

    private static String words(List<Word> words) {
        StringBuilder text = new StringBuilder();
        for (Word word : words) text.append(text.isEmpty() ? "" : " ").append(word(word));
        return text.toString();
    }

    /** A word as its parts, e.g. {@code [Literal "a", DoubleQuoted[Parameter HOME]]}. */
    static String word(Word word) {
        return parts(word.parts());
    }

    private static String parts(List<WordPart> parts) {
        StringBuilder text = new StringBuilder("[");
        for (WordPart part : parts) {
            if (text.length() > 1) text.append(", ");
            text.append(part(part));
        }
        return text.append(']').toString();
    }

    private static String part(WordPart part) {
        return switch (part) {
            case WordPart.Literal literal -> "Literal " + quote(literal.text());
            case WordPart.SingleQuoted quoted -> "SingleQuoted " + quote(quoted.text());
            case WordPart.DoubleQuoted quoted -> "DoubleQuoted" + parts(quoted.parts());
            case WordPart.Escaped escaped -> "Escaped " + quote(escaped.text());
            case WordPart.Parameter parameter -> switch (parameter.op()) {
                case PLAIN -> "Parameter " + parameter.name();
                case LENGTH -> "Parameter #" + parameter.name() + " (length)";
                default -> "Parameter " + parameter.name() + " " + parameter.op().text() + " "
                        + parts(parameter.argument().parts());
            };
            case WordPart.Arithmetic arithmetic -> "Arithmetic" + parts(arithmetic.expression().parts());
            case WordPart.ProcessSubstitution substitution -> (substitution.output() ? "ProcessSubstitution>{" : "ProcessSubstitution<{")
                    + Printer.printOneLine(substitution.script()).replace("\n", "\\n") + "}";
            case WordPart.CommandSubstitution substitution ->
                "CommandSubstitution{" + Printer.printOneLine(substitution.script()).replace("\n", "\\n") + "}";
            case WordPart.Tilde tilde -> "Tilde " + quote(tilde.user());
            case WordPart.Glob glob -> "Glob " + glob.character();
            case WordPart.ExtGlob glob -> "ExtGlob " + quote(glob.text());
            case WordPart.ArrayLiteral array -> {
                StringBuilder text = new StringBuilder("Array(");
                for (Word element : array.elements()) text.append(text.length() > 6 ? " " : "").append(word(element));
                yield text.append(')').toString();
            }
        };
    }

    private static String quote(String text) {
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '\n' -> quoted.append("\\n");
                case '\t' -> quoted.append("\\t");
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                default -> quoted.append(c < 0x20 ? String.format("\\x%02x", (int) c) : String.valueOf(c));
            }
        }
        return quoted.append('"').toString();
    }
}
