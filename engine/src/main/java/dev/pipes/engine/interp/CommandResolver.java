package dev.pipes.engine.interp;

import dev.pipes.engine.plan.RedirectPlan;
import dev.pipes.engine.plan.Stage;
import dev.pipes.engine.service.ServiceRuntime;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Resolves a command name in sh's order, extended for pipes: function, builtin, service, then PATH. */
final class CommandResolver {
    private final ShellState state;
    private final Builtins builtins;

    CommandResolver(ShellState state, Builtins builtins) {
        this.state = state;
        this.builtins = builtins;
    }

    Stage resolve(List<String> argv, Map<String, String> assignments, List<RedirectPlan> redirects) {
        String name = argv.get(0);
        if (name.contains("/")) return fromPath(state.resolve(name), argv, assignments, redirects);
        if (state.functions.containsKey(name)) return new Stage.Function(argv, assignments, redirects);
        if (builtins.has(name)) return new Stage.Builtin(argv, assignments, redirects);
        Optional<String> service = state.services.lookup(name);
        if (service.isPresent()) {
            boolean fuse = !"0".equals(state.variables.get(ServiceRuntime.FUSE_VARIABLE));
            return new Stage.Service(service.get(), argv, redirects, state.services.route(service.get(), fuse));
        }
        String path = state.variables.get("PATH");
        Path found = state.hashed.lookup(name, path);
        if (found == null) {
            found = searchPath(name);
            if (found != null && Files.isExecutable(found)) state.hashed.remember(name, found, path, 1);
        }
        if (found != null) return fromPath(found, argv, assignments, redirects);
        return new Stage.NotFound(name, argv, redirects, false);
    }

    /** The executable {@code name} on PATH (or a non-executable file named so, when that is all there is). */
    Path searchPath(String name) {
        String path = state.variables.get("PATH");
        if (path == null) return null; // as bash: no PATH, no search
        Path nonExecutable = null;
        for (String dir : path.split(":", -1)) {
            Path candidate = (dir.isEmpty() ? state.cwd : state.resolve(dir)).resolve(name);
            if (Files.isRegularFile(candidate)) {
                if (Files.isExecutable(candidate)) return candidate;
                if (nonExecutable == null) nonExecutable = candidate;
            }
        }
        return nonExecutable;
    }

    private static Stage fromPath(Path path, List<String> argv, Map<String, String> assignments, List<RedirectPlan> redirects) {
        if (Files.isRegularFile(path) && Files.isExecutable(path)) return new Stage.LocalCommand(path, argv, assignments, redirects);
        if (Files.exists(path)) return new Stage.NotFound(argv.get(0), argv, redirects, true);
        return new Stage.NotFound(argv.get(0), argv, redirects, false);
    }
}
