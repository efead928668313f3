package dev.pipes.engine.daemon;

import dev.pipes.grammar.Parser;
import dev.pipes.grammar.SyntaxError;
import dev.pipes.grammar.ast.AndOr;
import dev.pipes.grammar.ast.BraceGroup;
import dev.pipes.grammar.ast.CaseCommand;
import dev.pipes.grammar.ast.Command;
import dev.pipes.grammar.ast.CommandList;
import dev.pipes.grammar.ast.ForCommand;
import dev.pipes.grammar.ast.FunctionDefinition;
import dev.pipes.grammar.ast.IfCommand;
import dev.pipes.grammar.ast.ListItem;
import dev.pipes.grammar.ast.LoopCommand;
import dev.pipes.grammar.ast.Pipeline;
import dev.pipes.grammar.ast.Redirect;
import dev.pipes.grammar.ast.RedirectOp;
import dev.pipes.grammar.ast.Script;
import dev.pipes.grammar.ast.SimpleCommand;
import dev.pipes.grammar.ast.Span;
import dev.pipes.grammar.ast.Subshell;
import dev.pipes.grammar.ast.Word;
import dev.pipes.grammar.ast.WordPart;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A workflow's pipeline, parsed once at deploy time and at each start of the daemon: its stages
 * (with the names jobs report them by) and the syntax tree each job runs. That tree is the
 * pipeline as written plus, before each stage's own redirections, {@code 2>&N N>&-} with a
 * descriptor {@code N} of its own per stage, so each stage's standard error reaches its own sink
 * (a redirection the user wrote still wins, as it comes later). The query never enters this text:
 * it is the first stage's standard input.
 */
public final class PipelineShape {
    /** The first descriptor of the stages' standard errors, far above what scripts use by hand. */
    public static final int FIRST_STDERR_FD = 100;
    private static final int MAX_NAME = 40;

    private final String text;
    private final List<String> stageNames;
    private final List<Optional<String>> commandNames;
    private final Script instrumented;

    private PipelineShape(String text, List<String> stageNames, List<Optional<String>> commandNames, Script instrumented) {
        this.text = text;
        this.stageNames = List.copyOf(stageNames);
        this.commandNames = List.copyOf(commandNames);
        this.instrumented = instrumented;
    }

    /**
     * Parses {@code text}, which must be one pipeline (no {@code ;}, {@code &&}, {@code ||} or
     * {@code &} between commands). Errors name what was wrong and where ({@code NAME:LINE:COL: ...}).
     */
    public static PipelineShape parse(String text, String sourceName) {
        Script script;
        try {
            script = Parser.parse(text, sourceName);
        } catch (SyntaxError e) {
            throw new IllegalArgumentException(e.render().stripTrailing());
        }
        List<ListItem> items = script.commands().items();
        if (items.isEmpty()) throw new IllegalArgumentException(sourceName + ": the pipeline is empty");
        if (items.size() > 1) {
            throw new IllegalArgumentException(at(sourceName, items.get(1).span())
                    + "a workflow is one pipeline; found a second command here (join commands with | or put them in a script or a service)");
        }
        ListItem item = items.get(0);
        if (item.background()) throw new IllegalArgumentException(at(sourceName, item.span()) + "a workflow's pipeline cannot run in the background (&)");
        AndOr andOr = item.command();
        if (!andOr.rest().isEmpty()) {
            throw new IllegalArgumentException(at(sourceName, andOr.rest().get(0).span())
                    + "a workflow is one pipeline; && and || are not allowed here");
        }
        Pipeline pipeline = andOr.first();
        List<String> names = new ArrayList<>();
        List<Optional<String>> commands = new ArrayList<>();
        List<Command> stages = new ArrayList<>();
        for (int k = 0; k < pipeline.commands().size(); k++) {
            Command command = pipeline.commands().get(k);
            if (command instanceof FunctionDefinition) {
                throw new IllegalArgumentException(at(sourceName, command.span()) + "a workflow cannot define a function");
            }
            Optional<String> literal = commandName(command);
            commands.add(literal);
            names.add(literal.map(PipelineShape::shorten).orElseGet(() -> describe(command, text)));
            stages.add(withStderrTo(command, FIRST_STDERR_FD + k));
        }
        Pipeline rebuilt = new Pipeline(pipeline.timed(), pipeline.negated(), stages, pipeline.span());
        ListItem only = new ListItem(new AndOr(rebuilt, List.of(), andOr.span()), false, item.span());
        Script instrumented = new Script(new CommandList(List.of(only), script.commands().span()), script.span());
        return new PipelineShape(text, names, commands, instrumented);
    }

    public String text() {
        return text;
    }

    /** The stages' names: the command word when it is a plain word ({@code upper}, {@code grep}), else a short text. */
    public List<String> stageNames() {
        return stageNames;
    }

    /** Per stage, the command it runs when that is a plain word (to check at deploy time that it exists). */
    public List<Optional<String>> commandNames() {
        return commandNames;
    }

    /** The tree a job runs: the pipeline with each stage's standard error on its own descriptor. */
    public Script script() {
        return instrumented;
    }

    private static String at(String sourceName, Span span) {
        return sourceName + ":" + span.line() + ":" + span.column() + ": ";
    }

    private static Optional<String> commandName(Command command) {
        if (command instanceof SimpleCommand simple && !simple.words().isEmpty()) {
            return Optional.ofNullable(simple.words().get(0).literalText());
        }
        return Optional.empty();
    }

    private static String describe(Command command, String text) {
        Span span = command.span();
        String source = span.end() <= text.length() && span.start() < span.end() ? text.substring(span.start(), span.end()) : "";
        source = source.strip().replaceAll("\\s+", " ");
        return source.isEmpty() ? command.getClass().getSimpleName().toLowerCase() : shorten(source);
    }

    private static String shorten(String name) {
        return name.length() <= MAX_NAME ? name : name.substring(0, MAX_NAME - 3) + "...";
    }

    /** {@code command} with {@code 2>&fd fd>&-} before its own redirections. */
    static Command withStderrTo(Command command, int fd) {
        List<Redirect> redirects = new ArrayList<>();
        redirects.add(new Redirect.FileRedirect(2, RedirectOp.DUP_OUT, literal(Integer.toString(fd)), Span.NONE));
        redirects.add(new Redirect.FileRedirect(fd, RedirectOp.DUP_OUT, literal("-"), Span.NONE));
        redirects.addAll(command.redirects());
        return switch (command) {
            case SimpleCommand c -> new SimpleCommand(c.assignments(), c.words(), redirects, c.span());
            case Subshell c -> new Subshell(c.body(), redirects, c.span());
            case BraceGroup c -> new BraceGroup(c.body(), redirects, c.span());
            case IfCommand c -> new IfCommand(c.branches(), c.elseBody(), redirects, c.span());
            case LoopCommand c -> new LoopCommand(c.kind(), c.condition(), c.body(), redirects, c.span());
            case ForCommand c -> new ForCommand(c.variable(), c.words(), c.body(), redirects, c.span());
            case CaseCommand c -> new CaseCommand(c.subject(), c.items(), redirects, c.span());
            case dev.pipes.grammar.ast.ArithmeticCommand c -> new dev.pipes.grammar.ast.ArithmeticCommand(c.expression(), redirects, c.span());
            case dev.pipes.grammar.ast.ArithmeticFor c -> new dev.pipes.grammar.ast.ArithmeticFor(c.init(), c.condition(), c.step(),
                    c.body(), redirects, c.span());
            case dev.pipes.grammar.ast.ConditionalCommand c -> new dev.pipes.grammar.ast.ConditionalCommand(c.expression(), redirects, c.span());
            case FunctionDefinition f -> throw new IllegalArgumentException("a workflow cannot define a function");
        };
    }

    private static Word literal(String text) {
        return Word.of(new WordPart.Literal(text, Span.NONE));
    }
}
