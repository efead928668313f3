package dev.pipes.grammar;

import dev.pipes.grammar.ast.ArithmeticCommand;
import dev.pipes.grammar.ast.ArithmeticFor;
import dev.pipes.grammar.ast.Conditional;
import dev.pipes.grammar.ast.ConditionalCommand;

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
import dev.pipes.grammar.ast.Redirect;
import dev.pipes.grammar.ast.SimpleCommand;
import dev.pipes.grammar.ast.Subshell;
import dev.pipes.grammar.ast.Word;
import java.util.ArrayList;
import java.util.List;

/**
 * The one-line canonical form ({@code if a; then b; fi}), used inside {@code $( )} and for showing
 * a command on one line (jobs, prompts). Only for trees without here-documents, whose bodies need
 * lines of their own; {@link Printer} decides.
 */
final class OneLinePrinter extends CommandPrinter {

    private OneLinePrinter() {}

    static String print(CommandList list) {
        OneLinePrinter printer = new OneLinePrinter();
        printer.list(list, false);
        return printer.out.toString();
    }

    static String print(Command command) {
        OneLinePrinter printer = new OneLinePrinter();
        printer.command(command);
        return printer.out.toString();
    }

    /** Items separated by "; " (or " " after "&"); {@code terminated} adds the terminator of the last. */
    private void list(CommandList list, boolean terminated) {
        List<ListItem> items = list.items();
        for (int i = 0; i < items.size(); i++) {
            ListItem item = items.get(i);
            andOr(item.command());
            boolean last = i == items.size() - 1;
            if (item.background()) out.append(last && !terminated ? " &" : " & ");
            else if (!last || terminated) out.append("; ");
        }
    }

    @Override
    void command(Command command) {
        switch (command) {
            case SimpleCommand simple -> simple(simple);
            case Subshell subshell -> {
                out.append("( ");
                list(subshell.body(), false);
                out.append(" )");
            }
            case BraceGroup group -> {
                out.append("{ ");
                list(group.body(), true);
                out.append('}');
            }
            case IfCommand ifCommand -> {
                String keyword = "if ";
                for (IfCommand.Branch branch : ifCommand.branches()) {
                    out.append(keyword);
                    list(branch.condition(), true);
                    out.append("then ");
                    list(branch.body(), true);
                    keyword = "elif ";
                }
                ifCommand.elseBody().ifPresent(body -> {
                    out.append("else ");
                    list(body, true);
                });
                out.append("fi");
            }
            case LoopCommand loop -> {
                out.append(loop.kind().keyword()).append(' ');
                list(loop.condition(), true);
                doGroup(loop.body());
            }
            case ForCommand forCommand -> {
                out.append("for ").append(forCommand.variable());
                forCommand.words().ifPresent(words -> {
                    out.append(" in");
                    for (Word word : words) out.append(' ').append(WordPrinter.word(word));
                });
                out.append("; ");
                doGroup(forCommand.body());
            }
            case CaseCommand caseCommand -> {
                out.append("case ").append(WordPrinter.word(caseCommand.subject())).append(" in ");
                for (CaseCommand.Item item : caseCommand.items()) {
                    List<String> patterns = new ArrayList<>();
                    for (Word pattern : item.patterns()) patterns.add(WordPrinter.word(pattern));
                    out.append(String.join(" | ", patterns)).append(") ");
                    list(item.body(), false);
                    out.append(item.body().isEmpty() ? "" : " ").append(item.end().text()).append(' ');
                }
                out.append("esac");
            }
            case ArithmeticCommand arithmetic -> out.append("((").append(WordPrinter.arithmetic(arithmetic.expression())).append("))");
            case ArithmeticFor forCommand -> {
                out.append("for ((").append(WordPrinter.arithmetic(forCommand.init())).append("; ")
                        .append(WordPrinter.arithmetic(forCommand.condition())).append("; ")
                        .append(WordPrinter.arithmetic(forCommand.step())).append(")); ");
                doGroup(forCommand.body());
            }
            case ConditionalCommand conditional -> out.append("[[ ").append(WordPrinter.conditional(conditional.expression())).append(" ]]");
            case FunctionDefinition function -> {
                out.append(function.name()).append("() ");
                command(function.body());
            }
        }
        if (!(command instanceof SimpleCommand)) redirects(command.redirects());
    }

    private void doGroup(CommandList body) {
        out.append("do ");
        list(body, true);
        out.append("done");
    }

    private void simple(SimpleCommand simple) {
        List<String> parts = new ArrayList<>();
        for (Assignment assignment : simple.assignments()) {
            parts.add(assignment.name() + "=" + WordPrinter.assignmentValue(assignment.value()));
        }
        for (Word word : simple.words()) parts.add(WordPrinter.word(word));
        out.append(String.join(" ", parts));
        int before = out.length();
        redirects(simple.redirects());
        if (parts.isEmpty() && out.length() > before) out.deleteCharAt(before);
    }

    private void redirects(List<Redirect> redirects) {
        for (Redirect redirect : redirects) {
            if (!(redirect instanceof Redirect.FileRedirect file)) {
                throw new IllegalArgumentException("a here-document cannot be printed on one line");
            }
            out.append(' ');
            if (file.fd() != file.op().defaultFd() && file.op().takesFdNumber()) out.append(file.fd());
            out.append(file.op().text()).append(WordPrinter.word(file.target()));
        }
    }
}
