package dev.pipes.engine.interp;

import dev.pipes.engine.plan.Plan;
import dev.pipes.engine.plan.Stage;
import dev.pipes.grammar.Parser;
import dev.pipes.grammar.SyntaxError;
import dev.pipes.grammar.ast.AndOr;
import dev.pipes.grammar.ast.ArithmeticCommand;
import dev.pipes.grammar.ast.ArithmeticFor;
import dev.pipes.grammar.ast.BraceGroup;
import dev.pipes.grammar.ast.ConditionalCommand;
import dev.pipes.grammar.ast.CaseCommand;
import dev.pipes.grammar.ast.Command;
import dev.pipes.grammar.ast.CommandList;
import dev.pipes.grammar.ast.ForCommand;
import dev.pipes.grammar.ast.FunctionDefinition;
import dev.pipes.grammar.ast.IfCommand;
import dev.pipes.grammar.ast.ListItem;
import dev.pipes.grammar.ast.LoopCommand;
import dev.pipes.grammar.ast.Pipeline;
import dev.pipes.grammar.ast.Script;
import dev.pipes.grammar.ast.SimpleCommand;
import dev.pipes.grammar.ast.Span;
import dev.pipes.grammar.ast.Subshell;
import java.io.ByteArrayOutputStream;
import java.util.List;

/**
 * Runs syntax trees on a {@link ShellState}: lists, and-or lists and control flow here (the
 * compound commands in {@link CompoundCommands}); each pipeline goes through the {@link Planner}
 * (expansion, resolution) to a {@link Plan} that the {@link Executor} runs, and the stages that
 * run inside the shell go to {@link InShellStages}. Errors are reported through
 * {@link Diagnostics}. One interpreter per state: a subshell gets a new one on a copy.
 */
public final class Interpreter {
    /** Stack size of a thread that runs an interpreter: Java's default (1 MiB) allows ~500 nested calls. */
    public static final long STACK_BYTES = 512L * 1024 * 1024;

    private final ShellState state;
    private final Builtins builtins;
    private final Executor executor;
    private final CommandResolver resolver;
    private final CompoundCommands compounds;
    private final Diagnostics diagnostics;
    private final InShellStages stages;

    public Interpreter(ShellState state) {
        this(state, Builtins.standard());
    }

    Interpreter(ShellState state, Builtins builtins) {
        this.state = state;
        this.builtins = builtins;
        this.resolver = new CommandResolver(state, builtins);
        this.diagnostics = new Diagnostics(state);
        this.stages = new InShellStages(this, state, diagnostics);
        this.executor = new Executor(stages, diagnostics::error);
        this.compounds = new CompoundCommands(this, state);
    }

    public ShellState state() {
        return state;
    }

    Builtins builtins() {
        return builtins;
    }

    CommandResolver resolver() {
        return resolver;
    }

    /** The runner of builtins, functions and compound commands on this interpreter's state. */
    StageRunner stages() {
        return stages;
    }

    /**
     * Parses and runs a whole text as a shell does with a script: returns the exit status, having
     * reported any error as {@code NAME:LINE:COL: message} on the shell's standard error.
     */
    public int runText(String text, String sourceName) {
        state.processGroup.clearInterrupt();
        Script script;
        try {
            script = Parser.parse(text, sourceName);
        } catch (SyntaxError e) {
            Io.err(state, e.render());
            return 2;
        }
        String savedSource = state.sourceText;
        state.sourceText = text;
        try {
            return runScript(script);
        } finally {
            state.sourceText = savedSource;
        }
    }

    /** Runs a parsed script until its end or {@code exit}; returns the shell's exit status. */
    public int runScript(Script script) {
        return runScript(script, FatalShellError.STATUS);
    }

    /**
     * Runs the top-level commands; a {@link LineAbortError} skips the rest of its line, a
     * {@link FatalShellError} ends the script with {@code fatalStatus} (127 for a shell, 1 for a subshell).
     */
    int runScript(Script script, int fatalStatus) {
        try {
            executeLines(script.commands());
            return state.lastStatus;
        } catch (FatalShellError e) {
            error(e);
            return fatalStatus == FatalShellError.STATUS ? e.status() : fatalStatus;
        } catch (ControlFlow.Exit exit) {
            return exit.status;
        } catch (ControlFlow.Return ret) {
            return ret.status;
        } catch (ControlFlow.Break | ControlFlow.Continue loop) {
            return state.lastStatus;
        } catch (ShellError e) {
            error(e);
            return e.status();
        } catch (StackOverflowError e) {
            error("recursion too deep: the shell's stack is exhausted");
            return 1;
        }
    }

    /**
     * Runs top-level commands line by line, as a shell reads a script: a {@link LineAbortError}
     * abandons the rest of its line and the next line runs ({@code eval} text counts as a line of its own).
     */
    private void executeLines(CommandList commands) {
        int abortedLine = -1;
        int previousLine = 0;
        for (ListItem item : commands.items()) {
            if (item.span().line() == abortedLine) continue;
            // set -v shows each line as it is read: a line already read is not shown again
            if (state.has(Options.Option.VERBOSE) && item.span().line() > previousLine) Io.err(state, diagnostics.text(item.span()));
            previousLine = item.span().line() + diagnostics.lineCount(item.span());
            try {
                execute(new CommandList(List.of(item), item.span()));
            } catch (LineAbortError e) {
                error(e);
                state.lastStatus = 1;
                abortedLine = item.span().line() + diagnostics.lineCount(item.span());
            }
        }
    }

    void execute(CommandList list) {
        if (state.has(Options.Option.NOEXEC)) return;
        for (ListItem item : list.items()) {
            checkKilled();
            if (item.background()) {
                runBackground(item);
            } else {
                state.lastStatus = executeAndOr(item.command());
            }
        }
    }

    private void runBackground(ListItem item) {
        AndOr andOr = item.command();
        diagnostics.at(item.span());
        Plan plan;
        if (andOr.rest().isEmpty()) {
            plan = planSafely(andOr.first(), true);
            if (plan == null) return;
        } else {
            BraceGroup group = new BraceGroup(new CommandList(List.of(new ListItem(andOr, false, andOr.span())), andOr.span()),
                    List.of(), andOr.span());
            String text = diagnostics.text(andOr.span());
            plan = Plan.of(text, List.of(new Stage.Compound(text, group, List.of())), false, true);
        }
        Job job = executor.runBackground(plan, state);
        state.lastBackgroundPid = Long.toString(job.pid());
        state.lastStatus = 0;
    }

    private int executeAndOr(AndOr andOr) {
        List<AndOr.Link> rest = andOr.rest();
        int status;
        if (rest.isEmpty()) {
            status = executePipeline(andOr.first());
        } else {
            state.errexitSuppressed++;
            try {
                status = executePipeline(andOr.first());
            } finally {
                state.errexitSuppressed--;
            }
            for (int i = 0; i < rest.size(); i++) {
                AndOr.Link link = rest.get(i);
                boolean run = link.connector() == AndOr.Connector.AND ? status == 0 : status != 0;
                if (!run) continue;
                boolean last = i == rest.size() - 1;
                if (!last) state.errexitSuppressed++;
                try {
                    status = executePipeline(link.pipeline());
                } finally {
                    if (!last) state.errexitSuppressed--;
                }
                if (last) checkErrexit(status, link.pipeline());
            }
            state.lastStatus = status;
            return status;
        }
        checkErrexit(status, andOr.first());
        return status;
    }

    private void checkErrexit(int status, Pipeline pipeline) {
        if (status == 0 || pipeline.negated() || state.errexitSuppressed != 0) return;
        runTrap("ERR");
        if (state.has(Options.Option.ERREXIT)) throw new ControlFlow.Exit(status);
    }

    /**
     * The end of a shell (a script, -c text, a subshell): runs the EXIT trap once and gives caught
     * signals back. Returns the shell's status: the one given, unless the trap ran {@code exit N}.
     */
    public int finish(int status) {
        int result = status;
        if (state.traps.takeExit()) {
            state.lastStatus = status;
            try {
                runTrapAction(state.traps.action("EXIT"));
            } catch (ControlFlow.Exit exit) {
                result = exit.status;
            } catch (ControlFlow.Return | ControlFlow.Break | ControlFlow.Continue ignored) {
                // nothing to return from or break out of at the end
            } catch (ShellError e) {
                error(e);
            }
        }
        state.traps.releaseSignals();
        return result;
    }

    /** Runs the trap set for {@code name}, if any, keeping {@code $?} as it was. */
    void runTrap(String name) {
        String action = state.traps.action(name);
        if (action == null || action.isEmpty() || inTrap) return;
        int saved = state.lastStatus;
        runTrapAction(action);
        state.lastStatus = saved;
    }

    private boolean inTrap;

    private void runTrapAction(String action) {
        Script script;
        try {
            script = Parser.parse(action, "trap");
        } catch (SyntaxError e) {
            error("trap: " + e.getMessage());
            return;
        }
        inTrap = true;
        Span savedSpan = diagnostics.current();
        try {
            execute(script.commands());
        } finally {
            inTrap = false;
            diagnostics.at(savedSpan);
        }
    }

    private int executePipeline(Pipeline pipeline) {
        if (pipeline.timed()) return timed(pipeline);
        diagnostics.at(pipeline.span());
        state.currentLine = pipeline.span().line();
        if (pipeline.negated()) state.errexitSuppressed++;
        try {
            Plan plan = planSafely(pipeline, false);
            if (plan == null) return state.lastStatus;
            XTrace.traceIfAsked(plan, state);
            List<Integer> statuses = executor.runForeground(plan, state);
            state.pipeStatus = List.copyOf(statuses);
            state.variables.setArray("PIPESTATUS", statuses.stream().map(String::valueOf).toList());
            int status = statuses.get(statuses.size() - 1);
            if (state.has(Options.Option.PIPEFAIL)) {
                for (int s : statuses) if (s != 0) status = s;
            }
            if (pipeline.negated()) status = status == 0 ? 1 : 0;
            state.lastStatus = status;
            return status;
        } finally {
            if (pipeline.negated()) state.errexitSuppressed--;
        }
    }

    /** {@code time [-p] pipeline}: runs it, then reports the time it took on standard error. */
    private int timed(Pipeline pipeline) {
        boolean posix = false;
        List<Command> commands = pipeline.commands();
        if (commands.get(0) instanceof SimpleCommand first && first.assignments().isEmpty() && first.words().size() > 1
                && first.words().get(0).parts().size() == 1
                && first.words().get(0).parts().get(0) instanceof dev.pipes.grammar.ast.WordPart.Literal l && l.text().equals("-p")) {
            posix = true;
            List<Command> rest = new java.util.ArrayList<>(commands);
            rest.set(0, new SimpleCommand(List.of(), first.words().subList(1, first.words().size()), first.redirects(), first.span()));
            commands = rest;
        }
        PipelineTimer timer = new PipelineTimer();
        int status = executePipeline(new Pipeline(false, pipeline.negated(), commands, pipeline.span()));
        Io.err(state, timer.report(posix).stripTrailing());
        return status;
    }

    /** Plans a pipeline; an expansion error is reported and gives status 1 (fatal ones end the shell). */
    private Plan planSafely(Pipeline pipeline, boolean background) {
        Planner planner = planner();
        try {
            return planner.plan(pipeline, background);
        } catch (FatalShellError | LineAbortError e) {
            throw e.at(pipeline.span());
        } catch (ShellError e) {
            error(e.at(pipeline.span()));
            state.lastStatus = e.status();
            return null;
        }
    }

    Planner planner() {
        return new Planner(resolver, ownCopy -> ownCopy ? new Interpreter(state.copy(), builtins).expander() : expander(),
                state.sourceText);
    }

    Expander expander() {
        return new Expander(state, new Expander.CommandRunner() {
            @Override
            public String capture(Script script) {
                return captureOutput(script);
            }

            @Override
            public String processSubstitution(Script script, boolean output) {
                return ProcessSubstitutions.start(state, builtins, script, output);
            }
        });
    }

    /** Runs a {@code $( )} on a copy of the state and returns its output; {@code $?} becomes its status. */
    String captureOutput(Script script) {
        String file = fileOnlyRedirect(script);
        if (file != null) {
            // $(< file) (bash): the file's contents, without running anything
            try {
                String text = dev.pipes.grammar.text.ShellBytes.decode(java.nio.file.Files.readAllBytes(state.resolve(file)));
                state.lastStatus = 0;
                return text;
            } catch (java.io.IOException e) {
                error(file + ": No such file or directory");
                state.lastStatus = 1;
                return "";
            }
        }
        ShellState copy = state.copy();
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        copy.fds = copy.fds.with(1, dev.pipes.engine.world.Channel.Stream.writing(buffer, "command substitution"));
        int status = new Interpreter(copy, builtins).runScript(script, 1);
        state.lastStatus = status;
        return dev.pipes.grammar.text.ShellBytes.decode(buffer.toByteArray());
    }

    /** The file of a substitution that is only {@code < file}, expanded; null for any other script. */
    private String fileOnlyRedirect(Script script) {
        if (script.commands().items().size() != 1) return null;
        ListItem item = script.commands().items().get(0);
        if (item.background() || !item.command().rest().isEmpty()) return null;
        Pipeline pipeline = item.command().first();
        if (pipeline.negated() || pipeline.timed() || pipeline.commands().size() != 1) return null;
        if (!(pipeline.commands().get(0) instanceof SimpleCommand simple) || !simple.words().isEmpty()
                || !simple.assignments().isEmpty() || simple.redirects().size() != 1) return null;
        if (!(simple.redirects().get(0) instanceof dev.pipes.grammar.ast.Redirect.FileRedirect redirect)
                || redirect.op() != dev.pipes.grammar.ast.RedirectOp.IN || redirect.fd() != 0) return null;
        return expander().string(redirect.target());
    }

    /** For a REPL: the lines announcing background jobs that finished since the last call. */
    public List<String> jobNotifications() {
        return state.jobs.takeFinishedReports();
    }

    /** For a REPL's Ctrl-C: stops the foreground pipeline's processes and stages; the shell goes on. */
    public void interruptForeground() {
        state.processGroup.terminateLive(false);
    }

    /** Runs one stage in the foreground of this shell (for {@code command} and {@code exec}). */
    int runStage(Stage stage) {
        return runForeground(Plan.of(String.join(" ", stageArgv(stage)), List.of(stage), false, false));
    }

    /** Runs a plan of one stage in the foreground of this shell and returns its status. */
    int runForeground(Plan plan) {
        return executor.runForeground(plan, state).get(0);
    }

    private static List<String> stageArgv(Stage stage) {
        return switch (stage) {
            case Stage.Builtin b -> b.argv();
            case Stage.LocalCommand c -> c.argv();
            case Stage.NotFound n -> n.argv();
            default -> List.of(stage.kind());
        };
    }

    /** Runs text in this shell (eval, source): no new scope, {@code exit} and {@code return} pass through. */
    int evalText(String text, String sourceName) {
        Script script;
        try {
            script = Parser.parse(text, sourceName);
        } catch (SyntaxError e) {
            error(sourceName + ":" + e.getMessage());
            return 2;
        }
        String savedSource = state.sourceText;
        String savedName = state.sourceName;
        state.sourceText = text;
        state.sourceName = sourceName.equals("eval") ? savedName : sourceName;
        Span savedSpan = diagnostics.current();
        try {
            state.lastStatus = 0;
            executeLines(script.commands());
            return state.lastStatus;
        } finally {
            state.sourceText = savedSource;
            state.sourceName = savedName;
            diagnostics.at(savedSpan);
        }
    }

    int executeCompound(Command command) {
        diagnostics.at(command.span());
        return switch (command) {
            case BraceGroup group -> {
                execute(group.body());
                yield state.lastStatus;
            }
            case Subshell subshell -> compounds.subshell(subshell.body());
            case IfCommand ifCommand -> compounds.executeIf(ifCommand);
            case LoopCommand loop -> compounds.executeLoop(loop);
            case ForCommand forCommand -> compounds.executeFor(forCommand);
            case CaseCommand caseCommand -> compounds.executeCase(caseCommand);
            case ArithmeticCommand arithmetic -> compounds.arithmetic(arithmetic);
            case ArithmeticFor forCommand -> compounds.executeArithmeticFor(forCommand);
            case ConditionalCommand conditional -> compounds.conditional(conditional);
            case FunctionDefinition definition -> {
                state.functions.put(definition.name(), definition);
                yield 0;
            }
            case SimpleCommand simple -> throw new IllegalStateException("a simple command is planned, not run as compound");
        };
    }

    void checkKilled() {
        if (state.processGroup.killed() || Thread.currentThread().isInterrupted()) throw new ControlFlow.Exit(143);
        if (!inTrap) {
            for (String signal = state.traps.nextPending(); signal != null; signal = state.traps.nextPending()) runTrap(signal);
        }
    }

    /** Prints {@code NAME:LINE:COL: message} for the command being run. */
    void error(String message) {
        diagnostics.error(message);
    }

    void error(ShellError e) {
        diagnostics.error(e);
    }
}
