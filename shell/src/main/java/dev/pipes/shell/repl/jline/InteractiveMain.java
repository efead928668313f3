package dev.pipes.shell.repl.jline;

import dev.pipes.completions.RegistryServiceCatalog;
import dev.pipes.engine.interp.Options;
import dev.pipes.engine.interp.ShellState;
import dev.pipes.engine.world.FdTable;
import dev.pipes.engine.world.ProcessLauncher;
import dev.pipes.engine.service.Services;
import dev.pipes.shell.ShellStreams;
import dev.pipes.shell.ShellVerbs;
import dev.pipes.shell.invocation.Invocation;
import dev.pipes.shell.invocation.StartupFiles;
import dev.pipes.shell.modules.Modules;
import dev.pipes.shell.repl.Continuation;
import dev.pipes.shell.repl.EngineSession;
import dev.pipes.shell.repl.LinesEntryReader;
import dev.pipes.shell.repl.Prompts;
import dev.pipes.shell.repl.Repl;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Map;

/** What Main calls for the interactive shell. */
public final class InteractiveMain {
    private InteractiveMain() {}

    /**
     * The interactive shell on the process's terminal, with the real interpreter and the services
     * of $PIPES_HOME (the embedded ones, whose router starts on first use, or a module's when one
     * is in charge; they stop when the shell exits). Completion and highlighting read the same
     * registry that {@code build} writes. The startup files (the rc file, and the profiles of a
     * login shell) run before the first prompt.
     */
    public static int run(Invocation invocation, FdTable nativeStdio, PrintStream err) {
        Map<String, String> environment = dev.pipes.shell.ProcessText.environment();
        Modules modules = Modules.installed(message -> err.println("pipesh: " + message));
        try (Services services = modules.services(environment, invocation.embedded())) {
            ShellState state = shellState(invocation, nativeStdio, environment, modules, services, err);
            if (state.exitRequested) return state.lastStatus;
            return InteractiveShell.run(new EngineSession(state), new RegistryServiceCatalog(services.registry()), err);
        }
    }

    /**
     * {@code pipesh -i} with standard input that is not a terminal: the same loop, prompts on
     * standard error, entries read as lines (no line editor).
     */
    public static int runWithoutTerminal(Invocation invocation, ShellStreams streams, PrintStream err) {
        Map<String, String> environment = dev.pipes.shell.ProcessText.environment();
        Modules modules = Modules.installed(message -> err.println("pipesh: " + message));
        try (Services services = modules.services(environment, invocation.embedded())) {
            ShellState state = shellState(invocation, streams.fds(), environment, modules, services, err);
            if (state.exitRequested) return state.lastStatus;
            BufferedReader lines = new BufferedReader(new InputStreamReader(streams.in(), StandardCharsets.UTF_8));
            return new Repl(new LinesEntryReader(lines, err, Continuation.ofGrammar()), new EngineSession(state),
                    Prompts.ofProcess(), err).run();
        }
    }

    private static ShellState shellState(Invocation invocation, FdTable fds, Map<String, String> environment,
                                         Modules modules, Services services, PrintStream err) {
        Path cwd = Path.of("").toAbsolutePath();
        ShellState state = new ShellState(environment, cwd, fds, ProcessLauncher.os(), services);
        state.verbs = modules.verbs(ShellVerbs.all());
        invocation.applyTo(state.options);
        state.options.set(Options.Option.NOEXEC, false); // sh ignores -n in an interactive shell
        state.positional = new ArrayList<>(invocation.positional());
        StartupFiles.run(StartupFiles.of(invocation, true, environment), cwd, state,
                message -> err.println("pipesh: " + message)).ifPresent(status -> state.lastStatus = status);
        return state;
    }
}
