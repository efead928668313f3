package dev.pipes.engine.interp;

import dev.pipes.engine.plan.Plan;
import dev.pipes.engine.plan.Stage;
import dev.pipes.grammar.ast.Command;
import dev.pipes.grammar.ast.FunctionDefinition;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

/**
 * The stages that run inside the shell rather than as processes or services: builtins, function
 * calls, compound commands, bare assignments and "not found". The executor hands them here with
 * their descriptors already applied; a stage on another state (a pipeline stage, a job) gets an
 * interpreter of its own.
 */
final class InShellStages implements StageRunner {
    /** Deep enough for real recursion; the threads that run interpreters get stacks sized for it. */
    static final int MAX_FUNCTION_DEPTH = 5000;

    private final Interpreter interpreter;
    private final ShellState state;
    private final Diagnostics diagnostics;

    InShellStages(Interpreter interpreter, ShellState state, Diagnostics diagnostics) {
        this.interpreter = interpreter;
        this.state = state;
        this.diagnostics = diagnostics;
    }

    @Override
    public int run(Stage stage, ShellState stageState) {
        if (stageState != state) return new Interpreter(stageState, interpreter.builtins()).stages().run(stage, stageState);
        try {
            return runHere(stage);
        } catch (FatalShellError | LineAbortError e) {
            diagnostics.error(e); // while this stage's redirections (its stderr) are still in place
            throw e;
        }
    }

    private int runHere(Stage stage) {
        return switch (stage) {
            case Stage.Builtin b -> runBuiltin(b);
            case Stage.Function f -> callFunction(f);
            case Stage.Compound c -> interpreter.executeCompound(c.node());
            case Stage.Assignments a -> assign(a);
            case Stage.NotFound n -> notFound(n);
            case Stage.Service s -> throw new IllegalStateException("a service stage runs through the service runtime");
            case Stage.LocalCommand c -> throw new IllegalStateException("a local command never runs in the shell");
        };
    }

    private int assign(Stage.Assignments a) {
        int status = a.assignments().isEmpty() ? 0 : state.lastStatus;
        if (a.assignments().isEmpty() && !a.redirects().isEmpty()) status = 0;
        try {
            a.assignments().forEach((name, value) ->
                    ArrayAssignments.apply(state.variables, name, value, state.has(Options.Option.ALLEXPORT)));
        } catch (ShellError e) {
            throw new LineAbortError(e.getMessage()).at(diagnostics.current());
        }
        return status;
    }

    private int notFound(Stage.NotFound n) {
        if (n.notExecutable()) {
            Io.err(state, "pipesh: " + n.name() + ": " + (Files.isDirectory(state.resolve(n.name()))
                    ? "Is a directory" : "Permission denied"));
            return 126;
        }
        if (n.name().contains("/")) Io.err(state, "pipesh: " + n.name() + ": No such file or directory");
        else Io.err(state, "pipesh: " + n.name() + ": command not found");
        return 127;
    }

    private int runBuiltin(Stage.Builtin b) {
        if (!b.assignments().isEmpty()) state.variables.pushScope(b.assignments());
        try {
            return interpreter.builtins().run(b.argv(), new BuiltinContext(interpreter, state));
        } catch (ShellError e) {
            if (e instanceof FatalShellError || e instanceof LineAbortError) throw e;
            diagnostics.error(e);
            return e.status();
        } finally {
            if (!b.assignments().isEmpty()) state.variables.popScope();
        }
    }

    private int callFunction(Stage.Function f) {
        FunctionDefinition definition = state.functions.get(f.argv().get(0));
        List<String> savedPositional = state.positional;
        state.variables.pushScope(f.assignments());
        state.positional = new ArrayList<>(f.argv().subList(1, f.argv().size()));
        state.functionDepth++;
        state.callStack.push(f.argv().get(0));
        int savedLoops = state.loopDepth;
        state.loopDepth = 0;
        try {
            if (state.functionDepth > MAX_FUNCTION_DEPTH) {
                throw new FatalShellError(f.argv().get(0) + ": maximum function nesting level exceeded (" + MAX_FUNCTION_DEPTH + ")");
            }
            return runWithRedirects(definition.body());
        } catch (ControlFlow.Return ret) {
            return ret.status;
        } finally {
            state.loopDepth = savedLoops;
            state.functionDepth--;
            state.callStack.pop();
            state.positional = savedPositional;
            state.variables.popScope();
        }
    }

    /** Runs a compound command with its own redirections (a function body at each call). */
    private int runWithRedirects(Command body) {
        if (body.redirects().isEmpty()) return interpreter.executeCompound(body);
        Stage stage = interpreter.planner().stage(body, interpreter.expander());
        return interpreter.runForeground(Plan.of(diagnostics.text(body.span()), List.of(stage), false, false));
    }
}
