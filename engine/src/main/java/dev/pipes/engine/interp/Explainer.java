package dev.pipes.engine.interp;

import dev.pipes.grammar.Parser;
import dev.pipes.grammar.Printer;
import dev.pipes.grammar.ast.AndOr;
import dev.pipes.grammar.ast.ListItem;
import dev.pipes.grammar.ast.Script;

/** {@code explain TEXT}: the plans of a command line, made on a copy of the state, nothing run. */
final class Explainer {
    private Explainer() {}

    /** Plans every pipeline of a text without running anything, for {@code explain}. */
    static String explain(String text, ShellState state, Builtins builtins) {
        Script script = Parser.parse(text, "explain");
        StringBuilder out = new StringBuilder();
        String savedSource = state.sourceText;
        state.sourceText = text;
        try {
            ShellState dry = state.copy();
            Interpreter planning = new Interpreter(dry, builtins);
            Planner planner = new Planner(planning.resolver(),
                    ownCopy -> new Expander(dry, s -> "$(" + Printer.print(s).strip() + ")"), text);
            for (ListItem item : script.commands().items()) {
                AndOr andOr = item.command();
                out.append(planner.plan(andOr.first(), item.background() && andOr.rest().isEmpty()).render());
                for (AndOr.Link link : andOr.rest()) {
                    out.append(link.connector() == AndOr.Connector.AND ? "then, if it succeeded (&&):\n" : "then, if it failed (||):\n");
                    out.append(planner.plan(link.pipeline(), false).render());
                }
            }
        } finally {
            state.sourceText = savedSource;
        }
        return out.toString();
    }
}
