package dev.pipes.shell;

import dev.pipes.engine.daemon.cli.DaemonLauncher;
import dev.pipes.engine.daemon.cli.DaemonVerbs;
import dev.pipes.engine.verbs.PipesVerbs;

/**
 * The verbs pipesh offers under {@code pipes} beyond the interpreter's own: the one place where
 * the modules outside the interpreter plug theirs in (daemon mode's {@code run -d}, {@code query},
 * {@code ps}, {@code rm}, {@code logs}, {@code daemon}).
 */
public final class ShellVerbs {
    private ShellVerbs() {}

    public static PipesVerbs all() {
        return PipesVerbs.of(DaemonVerbs.all(DaemonLauncher.sameJava()));
    }
}
