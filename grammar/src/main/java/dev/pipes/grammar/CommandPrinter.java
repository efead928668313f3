package dev.pipes.grammar;

import dev.pipes.grammar.ast.AndOr;
import dev.pipes.grammar.ast.Command;
import dev.pipes.grammar.ast.Pipeline;

/**
 * What the multi-line {@link Printer} and the {@link OneLinePrinter} print alike: and-or lists and
 * pipelines. They differ only in how a command (and its nested lists) is laid out.
 */
abstract sealed class CommandPrinter permits Printer, OneLinePrinter {
    protected final StringBuilder out = new StringBuilder();

    abstract void command(Command command);

    final void andOr(AndOr andOr) {
        pipeline(andOr.first());
        for (AndOr.Link link : andOr.rest()) {
            out.append(' ').append(link.connector().text()).append(' ');
            pipeline(link.pipeline());
        }
    }

    final void pipeline(Pipeline pipeline) {
        if (pipeline.timed()) out.append("time ");
        if (pipeline.negated()) out.append("! ");
        for (int i = 0; i < pipeline.commands().size(); i++) {
            if (i > 0) out.append(" | ");
            command(pipeline.commands().get(i));
        }
    }
}
