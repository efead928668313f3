package dev.pipes.engine.interp;

import dev.pipes.engine.plan.Stage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** exit, return, break, continue, shift, eval, source and ., exec. */
final class FlowBuiltins {
    private FlowBuiltins() {}

    static void register(Builtins b) {
        b.add(new Builtin("exit", "exit [N]", "leave the shell with status N (default: the last status)",
                (ctx, args) -> {
                    int status = statusArgument(ctx, args, "exit");
                    ctx.state.exitRequested = true;
                    throw new ControlFlow.Exit(status);
                }));
        b.add(new Builtin("return", "return [N]", "leave a function or sourced file with status N", FlowBuiltins::doReturn));
        b.add(new Builtin("break", "break [N]", "leave N enclosing loops", (ctx, args) -> loop(ctx, args, true)));
        b.add(new Builtin("continue", "continue [N]", "go to the next iteration of the N-th enclosing loop",
                (ctx, args) -> loop(ctx, args, false)));
        b.add(new Builtin("shift", "shift [N]", "drop the first N positional parameters", FlowBuiltins::shift));
        b.add(new Builtin("eval", "eval [ARGUMENT...]", "run the arguments, joined by spaces, as shell code",
                (ctx, args) -> ctx.interpreter.evalText(String.join(" ", args.subList(1, args.size())), "eval")));
        Builtin.Body source = FlowBuiltins::source;
        b.add(new Builtin("source", "source FILE [ARGUMENT...]", "run FILE in this shell", source));
        b.add(new Builtin(".", ". FILE [ARGUMENT...]", "run FILE in this shell", source));
        b.add(new Builtin("exec", "exec [COMMAND [ARGUMENT...]]",
                "replace the shell with COMMAND, or (without one) keep the redirections for the shell", FlowBuiltins::exec));
    }

    private static int statusArgument(BuiltinContext ctx, List<String> args, String name) {
        if (args.size() < 2) return ctx.state.lastStatus;
        try {
            return (int) (Long.parseLong(args.get(1)) & 0xff);
        } catch (NumberFormatException e) {
            ctx.fail(name, args.get(1) + ": numeric argument required");
            return 2;
        }
    }

    private static int doReturn(BuiltinContext ctx, List<String> args) {
        if (ctx.state.functionDepth == 0 && !ctx.state.sourcing()) {
            return ctx.fail("return", "can only `return' from a function or sourced script");
        }
        throw new ControlFlow.Return(statusArgument(ctx, args, "return"));
    }

    private static int loop(BuiltinContext ctx, List<String> args, boolean isBreak) {
        String name = isBreak ? "break" : "continue";
        int levels = 1;
        if (args.size() > 1) {
            try {
                levels = Integer.parseInt(args.get(1));
            } catch (NumberFormatException e) {
                ctx.fail(name, args.get(1) + ": numeric argument required");
                throw new ControlFlow.Exit(128);
            }
            if (levels < 1) return ctx.fail(name, args.get(1) + ": loop count out of range");
        }
        if (ctx.state.loopDepth == 0) {
            // bash prints nothing here in a non-interactive shell; POSIX leaves it unspecified
            return 0;
        }
        levels = Math.min(levels, ctx.state.loopDepth);
        throw isBreak ? new ControlFlow.Break(levels) : new ControlFlow.Continue(levels);
    }

    private static int shift(BuiltinContext ctx, List<String> args) {
        int n = 1;
        if (args.size() > 1) {
            try {
                n = Integer.parseInt(args.get(1));
            } catch (NumberFormatException e) {
                return ctx.fail("shift", args.get(1) + ": numeric argument required");
            }
        }
        if (n < 0) return ctx.fail("shift", args.get(1) + ": shift count out of range");
        if (n > ctx.state.positional.size()) return 1;
        ctx.state.positional = new ArrayList<>(ctx.state.positional.subList(n, ctx.state.positional.size()));
        return 0;
    }

    private static int source(BuiltinContext ctx, List<String> args) {
        if (args.size() < 2) {
            ctx.fail(args.get(0), "filename argument required");
            return 2;
        }
        String name = args.get(1);
        Path path = name.contains("/") ? ctx.state.resolve(name) : ctx.interpreter.resolver().searchPath(name);
        if (path == null || !Files.isRegularFile(path)) path = ctx.state.resolve(name);
        String text;
        try {
            text = dev.pipes.engine.world.ScriptFiles.read(path);
        } catch (dev.pipes.engine.world.ScriptFiles.Unreadable e) {
            return ctx.fail(args.get(0), name + ": " + e.getMessage());
        }
        List<String> savedPositional = ctx.state.positional;
        if (args.size() > 2) ctx.state.positional = new ArrayList<>(args.subList(2, args.size()));
        ctx.state.sourceDepth++;
        try {
            return ctx.interpreter.evalText(text, name);
        } catch (ControlFlow.Return ret) {
            return ret.status;
        } finally {
            ctx.state.sourceDepth--;
            if (args.size() > 2) ctx.state.positional = savedPositional;
        }
    }

    private static int exec(BuiltinContext ctx, List<String> args) {
        if (args.size() == 1) return 0;
        List<String> argv = args.subList(1, args.size());
        Path path = argv.get(0).contains("/") ? ctx.state.resolve(argv.get(0)) : ctx.interpreter.resolver().searchPath(argv.get(0));
        Stage stage = path != null && Files.isExecutable(path) ? new Stage.LocalCommand(path, argv, Map.of(), List.of())
                : new Stage.NotFound(argv.get(0), argv, List.of(), path != null);
        throw new ControlFlow.Exit(runStage(ctx, stage));
    }

    static int runStage(BuiltinContext ctx, Stage stage) {
        return ctx.interpreter.runStage(stage);
    }
}
