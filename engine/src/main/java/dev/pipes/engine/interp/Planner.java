package dev.pipes.engine.interp;

import dev.pipes.engine.plan.Plan;
import dev.pipes.engine.plan.RedirectPlan;
import dev.pipes.engine.plan.Stage;
import dev.pipes.grammar.ast.Assignment;
import dev.pipes.grammar.ast.Command;
import dev.pipes.grammar.ast.Pipeline;
import dev.pipes.grammar.ast.Redirect;
import dev.pipes.grammar.ast.RedirectOp;
import dev.pipes.grammar.ast.SimpleCommand;
import dev.pipes.grammar.ast.WordPart;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a pipeline of the syntax tree into a {@link Plan}: expands each simple command (words,
 * then redirections, then assignment values, as sh does) and resolves its name to a stage kind.
 * Compound commands become {@link Stage.Compound} stages that the interpreter runs.
 */
final class Planner {
    /** Expansion for one stage; stages of a multi-stage pipeline expand in their own copy of the state. */
    interface ExpanderFactory {
        Expander forStage(boolean ownCopy);
    }

    private final CommandResolver resolver;
    private final ExpanderFactory expanders;
    private final String source;

    Planner(CommandResolver resolver, ExpanderFactory expanders, String source) {
        this.resolver = resolver;
        this.expanders = expanders;
        this.source = source;
    }

    Plan plan(Pipeline pipeline, boolean background) {
        List<Stage> stages = new ArrayList<>();
        boolean ownCopies = background || pipeline.commands().size() > 1;
        for (Command command : pipeline.commands()) {
            stages.add(stage(command, expanders.forStage(ownCopies)));
        }
        return Plan.of(text(pipeline.span()), stages, pipeline.negated(), background);
    }

    Stage stage(Command command, Expander expander) {
        if (command instanceof SimpleCommand simple) {
            List<String> argv = expander.fields(simple.words());
            List<RedirectPlan> redirects = redirects(simple.redirects(), expander);
            Map<String, String> assignments = expander.assignments(simple.assignments());
            if (argv.isEmpty()) return new Stage.Assignments(assignments, redirects);
            return resolver.resolve(argv, assignments, redirects);
        }
        return new Stage.Compound(text(command.span()), command, redirects(command.redirects(), expander));
    }

    static List<RedirectPlan> redirects(List<Redirect> redirects, Expander expander) {
        List<RedirectPlan> plans = new ArrayList<>();
        for (Redirect redirect : redirects) {
            try {
                plans.add(redirect(redirect, expander));
            } catch (ShellError e) {
                throw e.at(redirect.span());
            }
        }
        return plans;
    }

    private static RedirectPlan redirect(Redirect redirect, Expander expander) {
        return switch (redirect) {
            case Redirect.HereDoc doc -> new RedirectPlan(doc.fd(), RedirectPlan.Op.HERE_DOC,
                    doc.quotedDelimiter() ? literalText(doc) : expander.hereDocument(doc.body()));
            case Redirect.FileRedirect file -> {
                String target = expander.string(file.target());
                if (file.op() == RedirectOp.HERE_STRING) target = target + "\n";
                yield new RedirectPlan(file.fd(), op(file.op()), target);
            }
        };
    }

    private static String literalText(Redirect.HereDoc doc) {
        StringBuilder out = new StringBuilder();
        for (WordPart part : doc.body().parts()) {
            if (part instanceof WordPart.Literal literal) out.append(literal.text());
        }
        return out.toString();
    }

    private static RedirectPlan.Op op(RedirectOp op) {
        return switch (op) {
            case IN -> RedirectPlan.Op.READ;
            case OUT -> RedirectPlan.Op.WRITE;
            case APPEND -> RedirectPlan.Op.APPEND;
            case CLOBBER -> RedirectPlan.Op.CLOBBER;
            case READ_WRITE -> RedirectPlan.Op.READ_WRITE;
            case DUP_IN -> RedirectPlan.Op.DUP_IN;
            case DUP_OUT -> RedirectPlan.Op.DUP_OUT;
            case OUT_AND_ERR -> RedirectPlan.Op.OUT_AND_ERR;
            case APPEND_OUT_AND_ERR -> RedirectPlan.Op.APPEND_OUT_AND_ERR;
            case HERE_STRING -> RedirectPlan.Op.HERE_STRING;
        };
    }

    private String text(dev.pipes.grammar.ast.Span span) {
        if (span == null || span.end() > source.length() || span.end() <= span.start()) return "";
        return source.substring(span.start(), span.end());
    }
}
