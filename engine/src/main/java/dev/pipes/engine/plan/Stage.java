package dev.pipes.engine.plan;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One stage of a {@link Plan}: what runs and how it was resolved. Command resolution follows the
 * order function, builtin, service, PATH; {@link Service} is the seam through which services (run
 * by a runtime over WAMP) enter plans without changing the other kinds.
 */
public sealed interface Stage {
    /** Redirections of this stage, applied in order after the pipeline's own joints. */
    List<RedirectPlan> redirects();

    /** What kind of stage this is, as {@code explain} prints it. */
    String kind();

    /** Whether the stage runs inside the shell (a thread of it) rather than as a process of its own. */
    default boolean inProcess() {
        return !(this instanceof LocalCommand) && !(this instanceof Service);
    }

    /** Whether the stage is a process of this host that OS pipes can join: a local command, or a fused service. */
    default boolean localProcess() {
        return this instanceof LocalCommand || this instanceof Service s && s.route().fused();
    }

    /** A builtin run by the shell itself. */
    record Builtin(List<String> argv, Map<String, String> assignments, List<RedirectPlan> redirects) implements Stage {
        public Builtin {
            argv = List.copyOf(argv);
            assignments = Map.copyOf(assignments);
            redirects = List.copyOf(redirects);
        }

        public String kind() {
            return "builtin";
        }
    }

    /** A shell function. */
    record Function(List<String> argv, Map<String, String> assignments, List<RedirectPlan> redirects) implements Stage {
        public Function {
            argv = List.copyOf(argv);
            assignments = Map.copyOf(assignments);
            redirects = List.copyOf(redirects);
        }

        public String kind() {
            return "function";
        }
    }

    /** An executable of this host, started as a process with {@code environment}. */
    record LocalCommand(Path executable, List<String> argv, Map<String, String> assignments,
                        List<RedirectPlan> redirects) implements Stage {
        public LocalCommand {
            argv = List.copyOf(argv);
            assignments = Map.copyOf(assignments);
            redirects = List.copyOf(redirects);
        }

        public String kind() {
            return "local command";
        }
    }

    /**
     * A service: resolved by the shell's ServiceRuntime and run by its agent, joined to its
     * neighbours over WAMP; or, fused, its executable run as a local process joined by OS pipes.
     */
    record Service(String service, List<String> argv, List<RedirectPlan> redirects, ServiceRoute route) implements Stage {
        public Service {
            argv = List.copyOf(argv);
            redirects = List.copyOf(redirects);
        }

        public Service(String service, List<String> argv, List<RedirectPlan> redirects) {
            this(service, argv, redirects, ServiceRoute.agent("no runtime", 2));
        }

        public String placement() {
            return route.placement();
        }

        public String kind() {
            return "service";
        }
    }

    /** A compound command (a loop, a group, a subshell...) run by the interpreter; {@code text} is its source. */
    record Compound(String text, dev.pipes.grammar.ast.Command node, List<RedirectPlan> redirects) implements Stage {
        public Compound {
            redirects = List.copyOf(redirects);
        }

        public String kind() {
            return "compound command";
        }
    }

    /** Only assignments and/or redirections, no command name. */
    record Assignments(Map<String, String> assignments, List<RedirectPlan> redirects) implements Stage {
        public Assignments {
            assignments = Map.copyOf(assignments);
            redirects = List.copyOf(redirects);
        }

        public String kind() {
            return "assignments";
        }
    }

    /** A name that resolves to nothing: running it fails with 127 (or 126 when the file is not executable). */
    record NotFound(String name, List<String> argv, List<RedirectPlan> redirects, boolean notExecutable) implements Stage {
        public NotFound {
            argv = List.copyOf(argv);
            redirects = List.copyOf(redirects);
        }

        public String kind() {
            return notExecutable ? "not executable" : "not found";
        }
    }
}
