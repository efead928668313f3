package dev.pipes.shell;

import dev.pipes.engine.interp.Interpreter;
import dev.pipes.engine.interp.ShellState;
import dev.pipes.engine.world.ProcessLauncher;
import dev.pipes.engine.world.ScriptFiles;
import dev.pipes.grammar.text.ShellBytes;
import dev.pipes.engine.service.Services;
import dev.pipes.shell.invocation.Invocation;
import dev.pipes.shell.invocation.InvocationError;
import dev.pipes.shell.invocation.InvocationSyntax;
import dev.pipes.shell.invocation.StartupFiles;
import dev.pipes.shell.modules.Modules;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Map;
import java.util.OptionalInt;

/**
 * The non-interactive ways to run pipesh: {@code pipesh -c TEXT [NAME ARGS...]}, {@code pipesh FILE
 * [ARGS...]} (also what a {@code #!/usr/bin/env pipesh} script becomes), and a script on standard
 * input. The command line is read by {@link InvocationSyntax}.
 */
public final class ScriptMode {
    private ScriptMode() {}

    /** Runs pipesh as {@code invocation} says, with the process's environment and working directory. */
    public static int run(Invocation invocation, ShellStreams streams) {
        return run(invocation, streams, Path.of("").toAbsolutePath(), ProcessText.environment());
    }

    /** Reads the command line {@code args} and runs it (tests, embedding); a bad one is status 2. */
    public static int run(String[] args, ShellStreams streams, Path cwd, Map<String, String> environment) {
        try {
            return run(InvocationSyntax.parse(args), streams, cwd, environment);
        } catch (InvocationError e) {
            return usageError(streams, e.getMessage());
        }
    }

    /**
     * Runs with an explicit working directory and environment (tests, embedding), in a thread
     * whose stack is big enough for deep shell recursion.
     */
    public static int run(Invocation invocation, ShellStreams streams, Path cwd, Map<String, String> environment) {
        int[] status = {1};
        Thread shell = new Thread(null, () -> status[0] = runHere(invocation, streams, cwd, environment), "pipesh",
                Interpreter.STACK_BYTES);
        shell.start();
        try {
            shell.join();
        } catch (InterruptedException e) {
            shell.interrupt();
            Thread.currentThread().interrupt();
            return 130;
        }
        return status[0];
    }

    /**
     * Runs with the services of $PIPES_HOME (the embedded ones, or a module's when one is in
     * charge); their router and agents stop when the shell is done.
     */
    private static int runHere(Invocation invocation, ShellStreams streams, Path cwd, Map<String, String> environment) {
        Modules modules = Modules.installed(message -> fail(streams, message, 0));
        Services services = modules.services(environment, invocation.embedded());
        try {
            return runWith(services, modules, invocation, streams, cwd, environment);
        } finally {
            services.close();
        }
    }

    private static int runWith(Services services, Modules modules, Invocation invocation, ShellStreams streams, Path cwd,
                               Map<String, String> environment) {
        ShellState state = new ShellState(environment, cwd, streams.fds(), ProcessLauncher.os(), services);
        state.verbs = modules.verbs(ShellVerbs.all());
        invocation.applyTo(state.options);
        invocation.arg0().ifPresent(name -> state.arg0 = name);
        state.positional = new ArrayList<>(invocation.positional());
        // -i without a prompt (pipesh -i -c TEXT) still reads the rc file, as bash -i does
        OptionalInt exited = StartupFiles.run(StartupFiles.of(invocation, invocation.interactive(), environment), cwd,
                state, message -> fail(streams, message, 0));
        if (exited.isPresent()) return exited.getAsInt();
        Interpreter interpreter = new Interpreter(state);
        switch (invocation.source()) {
            case COMMAND -> {
                state.sourceName = "-c";
                return interpreter.finish(interpreter.runText(invocation.text(), "-c"));
            }
            case FILE -> {
                String file = invocation.text();
                String text;
                try {
                    text = ScriptFiles.read(cwd.resolve(file));
                } catch (ScriptFiles.Unreadable e) {
                    return fail(streams, file + ": " + e.getMessage(), e.status);
                }
                state.sourceName = file;
                return interpreter.finish(interpreter.runText(text, file));
            }
            default -> {
                String text;
                try {
                    text = ShellBytes.decode(streams.in().readAllBytes());
                } catch (IOException e) {
                    return fail(streams, "cannot read standard input: " + e.getMessage(), 1);
                }
                state.sourceName = "stdin";
                return interpreter.finish(interpreter.runText(text, "stdin"));
            }
        }
    }

    static int usageError(ShellStreams streams, String message) {
        return fail(streams, message, 2);
    }

    private static int fail(ShellStreams streams, String message, int status) {
        OutputStream err = streams.fds().get(2) instanceof dev.pipes.engine.world.Channel.Stream s ? s.out() : System.err;
        try {
            err.write(ShellBytes.encode("pipesh: " + message + "\n"));
            err.flush();
        } catch (IOException e) {
            // nowhere left to report to
        }
        return status;
    }
}
