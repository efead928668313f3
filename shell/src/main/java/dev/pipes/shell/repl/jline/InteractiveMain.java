package dev.pipes.shell.repl.jline;

import dev.pipes.completions.RegistryServiceCatalog;
import dev.pipes.completions.scripts.CompletionScript;
import dev.pipes.engine.interp.ShellState;
import dev.pipes.engine.world.FdTable;
import dev.pipes.engine.world.ProcessLauncher;
import dev.pipes.engine.service.Services;
import dev.pipes.shell.ShellVerbs;
import dev.pipes.shell.modules.Modules;
import dev.pipes.shell.repl.EngineSession;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;

/** What Main calls for the interactive shell and for {@code pipesh --completion SHELL}. */
public final class InteractiveMain {
    private InteractiveMain() {}

    /**
     * The interactive shell on the process's terminal, with the real interpreter and the services
     * of $PIPES_HOME (the embedded ones, whose router starts on first use, or a module's when one
     * is in charge; they stop when the shell exits). Completion and highlighting read the same
     * registry that {@code build} writes.
     */
    public static int run(FdTable nativeStdio, PrintStream err) {
        Map<String, String> environment = System.getenv();
        Modules modules = Modules.installed(message -> err.println("pipesh: " + message));
        try (Services services = modules.services(environment, false)) {
            ShellState state = new ShellState(environment, Path.of("").toAbsolutePath(), nativeStdio,
                    ProcessLauncher.os(), services);
            state.verbs = modules.verbs(ShellVerbs.all());
            return InteractiveShell.run(new EngineSession(state), new RegistryServiceCatalog(services.registry()), err);
        }
    }

    /** {@code pipesh --completion bash|zsh|fish}: prints the completion script of pipesh for that shell. */
    public static int completionScript(String[] args, PrintStream out, PrintStream err) {
        if (args.length != 2) {
            err.println("pipesh: --completion needs one shell name: bash, zsh or fish");
            return 2;
        }
        try {
            out.print(CompletionScript.forPipesh(CompletionScript.Shell.named(args[1])));
            return 0;
        } catch (IllegalArgumentException e) {
            err.println("pipesh: --completion: " + e.getMessage());
            return 2;
        }
    }
}
