package dev.pipes.engine.interp;

import dev.pipes.engine.verbs.PipesVerb;
import dev.pipes.engine.verbs.VerbCall;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code pipes VERB [ARGUMENT...]}: the home of pipes' own verbs. The interpreter's service
 * builtins are reachable here too ({@code pipes build}, {@code pipes services}, {@code pipes explain});
 * the cluster and the daemon add theirs through {@link ShellState#verbs}.
 */
final class PipesBuiltin {
    /** Builtins of the interpreter that are also verbs of {@code pipes}. */
    private static final Set<String> BUILTIN_VERBS = Set.of("build", "services", "explain");
    static final String USAGE = "pipes VERB [ARGUMENT...]   (pipes help lists the verbs)";

    private PipesBuiltin() {}

    static void register(Builtins b) {
        b.add(new Builtin("pipes", USAGE, "pipes' own verbs: cluster, workflows, services", PipesBuiltin::run));
    }

    private static int run(BuiltinContext ctx, List<String> args) {
        if (args.size() < 2 || args.get(1).equals("help") || args.get(1).equals("--help")) return help(ctx);
        String verbName = args.get(1);
        List<String> verbArgs = args.subList(1, args.size());
        if (BUILTIN_VERBS.contains(verbName)) return ctx.interpreter.builtins().run(verbArgs, ctx);
        Optional<PipesVerb> verb = ctx.state.verbs.find(verbName);
        if (verb.isEmpty()) {
            ctx.interpreter.error("pipes: " + verbName + ": no such verb (pipes help lists them)");
            return 2;
        }
        if (verbArgs.size() == 2 && verbArgs.get(1).equals("--help")) {
            ctx.println("usage: " + verb.get().usage());
            ctx.println(verb.get().summary());
            return 0;
        }
        InputStream in = Io.input(ctx.state, 0);
        OutputStream out = Io.output(ctx.state, 1);
        OutputStream err = Io.output(ctx.state, 2);
        if (in == null) in = InputStream.nullInputStream();
        if (out == null) return ctx.fail("pipes " + verbName, "write error: Bad file descriptor");
        if (err == null) err = OutputStream.nullOutputStream();
        VerbCall call = new VerbCall(verbArgs, in, out, err, ctx.state.cwd, ctx.state.variables.environment());
        try {
            return verb.get().run(call);
        } catch (java.io.UncheckedIOException e) {
            if (Io.isBrokenPipe(e.getCause())) throw new ControlFlow.Exit(141);
            return ctx.fail("pipes " + verbName, String.valueOf(e.getCause().getMessage()));
        }
    }

    private static int help(BuiltinContext ctx) {
        ctx.println("usage: " + USAGE);
        for (String name : BUILTIN_VERBS.stream().sorted().toList()) {
            Builtin builtin = ctx.interpreter.builtins().get(name);
            ctx.println(String.format("  %-10s %s", name, builtin.summary()));
        }
        for (PipesVerb verb : ctx.state.verbs.all()) ctx.println(String.format("  %-10s %s", verb.name(), verb.summary()));
        return 0;
    }
}
