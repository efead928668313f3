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
import dev.pipes.grammar.ast.Subshell;
import dev.pipes.grammar.ast.Trees;
import dev.pipes.grammar.ast.Word;
import java.util.ArrayList;
import java.util.List;

/**
 * Prints a tree as canonical pipesh source: one command per line, compound bodies indented by two
 * spaces, here-document bodies right after the line that opened them. For every tree the parser
 * builds, {@code Parser.parse(Printer.print(tree))} equals the tree apart from spans.
 */
public final class Printer extends CommandPrinter {
    /** Here-documents opened on the current line, written out at its end. */
    private final List<Redirect.HereDoc> pendingHereDocs = new ArrayList<>();
    private int indent;

    private Printer(int indent) {
        this.indent = indent;
    }

    /** Canonical source of a script (no trailing newline unless a here-document ends it). */
    public static String print(Script script) {
        Printer printer = new Printer(0);
        printer.list(script.commands());
        return printer.out.toString();
    }

    /** Canonical source of any node; a command list or a script may span several lines. */
    public static String print(Node node) {
        Printer printer = new Printer(0);
        switch (node) {
            case Script script -> printer.list(script.commands());
            case CommandList list -> printer.list(list);
            case ListItem item -> printer.item(item);
            case AndOr andOr -> printer.andOr(andOr);
            case Pipeline pipeline -> printer.pipeline(pipeline);
            case Command command -> printer.command(command);
            case Word word -> printer.out.append(WordPrinter.word(word));
            default -> printer.out.append(node);
        }
        printer.flushHereDocs();
        return printer.out.toString();
    }

    /**
     * The one-line form ({@code if a; then b; fi}) of a command, a list or a script, for showing it
     * where one line is wanted (jobs, prompts); the multi-line form if it holds a here-document.
     */
    public static String printOneLine(Node node) {
        if (Trees.contains(node, Redirect.HereDoc.class)) return print(node);
        return switch (node) {
            case Script script -> OneLinePrinter.print(script.commands());
            case CommandList list -> OneLinePrinter.print(list);
            case Command command -> OneLinePrinter.print(command);
            default -> print(node);
        };
    }

    /** Prints the lines of {@code list}, each at the current indentation, separated by newlines. */
    private void list(CommandList list) {
        List<ListItem> items = list.items();
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) out.append('\n');
            out.append("  ".repeat(indent));
            item(items.get(i));
            flushHereDocs();
        }
    }

    private void item(ListItem item) {
        andOr(item.command());
        if (item.background()) out.append(" &");
    }

    @Override
    void command(Command command) {
        switch (command) {
            case SimpleCommand simple -> simple(simple);
            case Subshell subshell -> {
                out.append("( ");
                out.append(inline(subshell.body()) ? ")" : " )");
            }
            case BraceGroup group -> {
                out.append("{\n");
                body(group.body());
                out.append('\n').append("  ".repeat(indent)).append('}');
            }
            case IfCommand ifCommand -> ifCommand(ifCommand);
            case LoopCommand loop -> {
                out.append(loop.kind().keyword()).append(' ');
                doGroup(inline(loop.condition()), loop.body());
            }
            case ForCommand forCommand -> {
                out.append("for ").append(forCommand.variable());
                forCommand.words().ifPresent(words -> {
                    out.append(" in");
                    for (Word word : words) out.append(' ').append(WordPrinter.word(word));
                });
                doGroup(false, forCommand.body());
            }
            case CaseCommand caseCommand -> caseCommand(caseCommand);
            case ArithmeticCommand arithmetic -> out.append("((").append(WordPrinter.arithmetic(arithmetic.expression())).append("))");
            case ArithmeticFor forCommand -> {
                out.append("for ((").append(WordPrinter.arithmetic(forCommand.init())).append("; ")
                        .append(WordPrinter.arithmetic(forCommand.condition())).append("; ")
                        .append(WordPrinter.arithmetic(forCommand.step())).append("))");
                doGroup(false, forCommand.body());
            }
            case ConditionalCommand conditional -> out.append("[[ ").append(WordPrinter.conditional(conditional.expression())).append(" ]]");
            case FunctionDefinition function -> {
                out.append(function.name()).append("() ");
                command(function.body());
            }
        }
        redirects(command instanceof SimpleCommand ? List.of() : command.redirects());
    }

    private void simple(SimpleCommand simple) {
        String separator = "";
        for (Assignment assignment : simple.assignments()) {
            out.append(separator).append(assignment.name()).append('=')
                    .append(WordPrinter.assignmentValue(assignment.value()));
            separator = " ";
        }
        for (Word word : simple.words()) {
            out.append(separator).append(WordPrinter.word(word));
            separator = " ";
        }
        if (separator.isEmpty() && !simple.redirects().isEmpty()) {
            // a bare redirection line such as "> file": print it without a leading space
            int before = out.length();
            redirects(simple.redirects());
            out.deleteCharAt(before);
            return;
        }
        redirects(simple.redirects());
    }

    private void redirects(List<Redirect> redirects) {
        for (Redirect redirect : redirects) {
            out.append(' ');
            switch (redirect) {
                case Redirect.FileRedirect file -> {
                    if (file.fd() != file.op().defaultFd() && file.op().takesFdNumber()) out.append(file.fd());
                    out.append(file.op().text()).append(WordPrinter.word(file.target()));
                }
                case Redirect.HereDoc hereDoc -> {
                    if (hereDoc.fd() != 0) out.append(hereDoc.fd());
                    out.append(hereDoc.stripTabs() ? "<<-" : "<<")
                            .append(hereDoc.quotedDelimiter() ? WordPrinter.singleQuote(hereDoc.delimiter())
                                                              : hereDoc.delimiter());
                    pendingHereDocs.add(hereDoc);
                }
            }
        }
    }

    /** Ends the current line and writes the bodies of the here-documents it opened. */
    private void flushHereDocs() {
        if (pendingHereDocs.isEmpty()) return;
        for (Redirect.HereDoc hereDoc : pendingHereDocs) {
            out.append('\n');
            String body = hereDoc.quotedDelimiter() ? WordPrinter.raw(hereDoc.body())
                                                    : WordPrinter.hereDocBody(hereDoc.body());
            out.append(body);
            if (!body.isEmpty() && !body.endsWith("\n")) out.append('\n');
            out.append(hereDoc.delimiter());
            // an empty delimiter line must be a line: at the very end of a text it would not be
            if (hereDoc.delimiter().isEmpty()) out.append('\n');
        }
        pendingHereDocs.clear();
    }

    /**
     * A condition or subshell body: on the same line when it is one foreground command of one line,
     * otherwise on its own indented lines, leaving the output at the start of a fresh line.
     * Returns whether it went multi-line.
     */
    /** The text without leading and trailing spaces and tabs (not String.strip: a carriage return belongs to a word). */
    private static String stripBlanks(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && (text.charAt(start) == ' ' || text.charAt(start) == '\t')) start++;
        while (end > start && (text.charAt(end - 1) == ' ' || text.charAt(end - 1) == '\t')) end--;
        return text.substring(start, end);
    }

    private boolean inline(CommandList list) {
        Printer nested = new Printer(indent + 1);
        nested.list(list);
        String text = nested.out.toString();
        if (list.items().size() == 1 && !list.items().get(0).background() && !text.contains("\n")) {
            out.append(stripBlanks(text));
            return false;
        }
        if (out.length() > 0 && out.charAt(out.length() - 1) == ' ') out.setLength(out.length() - 1);
        out.append('\n').append(text).append('\n').append("  ".repeat(indent));
        return true;
    }

    private void body(CommandList list) {
        indent++;
        list(list);
        indent--;
    }

    /** The keyword after an inline clause: "; then" on the same line, or "then" on a fresh one. */
    private void clauseKeyword(boolean multiLine, String keyword) {
        out.append(multiLine ? "" : "; ").append(keyword).append('\n');
    }

    private void doGroup(boolean multiLine, CommandList body) {
        clauseKeyword(multiLine, "do");
        body(body);
        out.append('\n').append("  ".repeat(indent)).append("done");
    }

    private void ifCommand(IfCommand ifCommand) {
        String keyword = "if ";
        for (IfCommand.Branch branch : ifCommand.branches()) {
            out.append(keyword);
            clauseKeyword(inline(branch.condition()), "then");
            body(branch.body());
            out.append('\n').append("  ".repeat(indent));
            keyword = "elif ";
        }
        ifCommand.elseBody().ifPresent(elseBody -> {
            out.append("else\n");
            body(elseBody);
            out.append('\n').append("  ".repeat(indent));
        });
        out.append("fi");
    }

    private void caseCommand(CaseCommand caseCommand) {
        out.append("case ").append(WordPrinter.word(caseCommand.subject())).append(" in");
        for (CaseCommand.Item item : caseCommand.items()) {
            out.append('\n').append("  ".repeat(indent + 1));
            List<String> patterns = new ArrayList<>();
            for (Word pattern : item.patterns()) patterns.add(WordPrinter.word(pattern));
            out.append(String.join(" | ", patterns)).append(')');
            if (!item.body().isEmpty()) {
                out.append('\n');
                indent += 2;
                list(item.body());
                indent -= 2;
            }
            out.append('\n').append("  ".repeat(indent + 2)).append(item.end().text());
        }
        out.append('\n').append("  ".repeat(indent)).append("esac");
    }
}
