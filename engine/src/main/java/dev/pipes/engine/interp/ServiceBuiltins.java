package dev.pipes.engine.interp;

import dev.pipes.engine.service.BuildCommand;
import dev.pipes.engine.service.ServiceRegistry;
import dev.pipes.engine.service.ServiceSpec;
import dev.pipes.engine.service.ServicesUnavailableException;
import java.util.List;

/** build and services: the builtins of the service registry (the logic lives in dev.pipes.engine.service). */
final class ServiceBuiltins {
    private ServiceBuiltins() {}

    static void register(Builtins b) {
        b.add(new Builtin("build", BuildCommand.USAGE,
                "register an executable as a service (kept under $PIPES_HOME; building again replaces it)",
                ServiceBuiltins::build));
        b.add(new Builtin("services", "services [remove NAME...]", "list the services, or remove some",
                ServiceBuiltins::services));
    }

    /** The shell's service registry, or null after reporting that this shell has none. */
    private static ServiceRegistry registry(BuiltinContext ctx, String name) {
        try {
            return ctx.state.services.registry();
        } catch (ServicesUnavailableException e) {
            ctx.fail(name, e.getMessage());
            return null;
        }
    }

    private static int build(BuiltinContext ctx, List<String> args) {
        ServiceRegistry registry = registry(ctx, "build");
        if (registry == null) return 1;
        ServiceSpec spec;
        BuildCommand.Request request;
        try {
            request = BuildCommand.parseRequest(args.subList(1, args.size()), ctx.state.cwd);
            spec = request.spec();
        } catch (IllegalArgumentException e) {
            ctx.interpreter.error("build: " + e.getMessage());
            Io.err(ctx.state, "usage: " + BuildCommand.USAGE);
            return 2;
        }
        try {
            // a cluster builds the service's image first: a failed image build registers nothing
            ctx.state.services.prepare(spec, request.imageOptions(), line -> Io.err(ctx.state, line));
            boolean replaced = registry.build(spec);
            ctx.println((replaced ? "rebuilt " : "built ") + spec.name() + " from " + spec.executable());
            String shadow = ctx.state.functions.containsKey(spec.name()) ? "function"
                    : ctx.interpreter.builtins().has(spec.name()) ? "builtin" : null;
            if (shadow != null) {
                Io.err(ctx.state, "pipesh: build: note: the " + shadow + " " + spec.name()
                        + " comes first when the name is resolved; run the service as " + spec.name() + "@1");
            }
            return 0;
        } catch (RuntimeException e) {
            return ctx.fail("build", e.getMessage());
        }
    }

    private static int services(BuiltinContext ctx, List<String> args) {
        ServiceRegistry registry = registry(ctx, "services");
        if (registry == null) return 1;
        if (args.size() > 1) {
            if (!args.get(1).equals("remove") || args.size() < 3) {
                ctx.interpreter.error("services: unexpected argument '" + args.get(1) + "'");
                Io.err(ctx.state, "usage: services [remove NAME...]");
                return 2;
            }
            int status = 0;
            for (String name : args.subList(2, args.size())) {
                try {
                    if (!registry.remove(name)) status = ctx.fail("services", name + ": no such service");
                } catch (IllegalArgumentException e) {
                    status = ctx.fail("services", e.getMessage());
                }
            }
            return status;
        }
        List<ServiceSpec> all;
        try {
            all = registry.all();
        } catch (RuntimeException e) {
            return ctx.fail("services", e.getMessage());
        }
        if (all.isEmpty()) return 0;
        int width = Math.max(4, all.stream().mapToInt(s -> s.name().length()).max().orElse(4));
        // AGENT: wrapped (pipes' agent runs the executable) or native (the executable is its own agent)
        ctx.println(String.format("%-" + width + "s  %-5s  %8s  %-7s  %s", "NAME", "INPUT", "REPLICAS", "AGENT", "EXECUTABLE"));
        for (ServiceSpec spec : all) {
            String line = String.format("%-" + width + "s  %-5s  %8d  %-7s  %s", spec.name(), spec.input().wire(), spec.replicas(),
                    spec.nativeAgent() ? "native" : "wrapped", spec.executable());
            if (!spec.description().isEmpty()) line += "  # " + spec.description();
            ctx.println(line);
            ctx.state.services.deployment(spec.name()).ifPresent(where -> ctx.println("    " + where));
        }
        return 0;
    }
}
