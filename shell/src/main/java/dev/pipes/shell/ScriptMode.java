package dev.pipes.shell;

import dev.pipes.engine.interp.Interpreter;
import dev.pipes.engine.interp.Options;
import dev.pipes.engine.interp.ShellState;
import dev.pipes.engine.world.ProcessLauncher;
import dev.pipes.engine.service.Services;
import dev.pipes.shell.modules.Modules;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The non-interactive ways to run pipesh: {@code pipesh -c TEXT [NAME ARGS...]}, {@code pipesh FILE
 * [ARGS...]} (also what a {@code #!/usr/bin/env pipesh} script becomes), and a script on standard
 * input. Leading options are those of {@code set} ({@code -e -u -x -f -C -v}, {@code -o NAME}).
 */
public final class ScriptMode {
    private ScriptMode() {}

    /** Runs pipesh with the process's environment and working directory. */
    public static int run(String[] args, ShellStreams streams) {
        return run(args, streams, Path.of("").toAbsolutePath(), System.getenv());
    }

    /**
     * Runs pipesh with an explicit working directory and environment (tests, embedding), in a
     * thread whose stack is big enough for deep shell recursion.
     */
    public static int run(String[] args, ShellStreams streams, Path cwd, Map<String, String> environment) {
        int[] status = {1};
        Thread shell = new Thread(null, () -> status[0] = runHere(args, streams, cwd, environment), "pipesh",
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
    private static int runHere(String[] args, ShellStreams streams, Path cwd, Map<String, String> environment) {
        Modules modules = Modules.installed(message -> fail(streams, message, 0));
        Services services = modules.services(environment, false);
        try {
            return runWith(services, modules, args, streams, cwd, environment);
        } finally {
            services.close();
        }
    }

    private static int runWith(Services services, Modules modules, String[] args, ShellStreams streams, Path cwd,
                               Map<String, String> environment) {
        ShellState state = new ShellState(environment, cwd, streams.fds(), ProcessLauncher.os(), services);
        state.verbs = modules.verbs(ShellVerbs.all());
        int i = 0;
        String command = null;
        for (; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--")) {
                i++;
                break;
            }
            if (arg.equals("-c")) {
                if (i + 1 >= args.length) return usageError(streams, "-c: option requires an argument");
                command = args[++i];
                continue;
            }
            if (arg.equals("-o") || arg.equals("+o")) {
                if (i + 1 >= args.length) return usageError(streams, arg + ": option requires an argument");
                Options.Option option = Options.Option.byName(args[++i]);
                if (option == null) return usageError(streams, args[i] + ": invalid option name");
                state.options.set(option, arg.charAt(0) == '-');
                continue;
            }
            if (arg.length() > 1 && (arg.charAt(0) == '-' || arg.charAt(0) == '+') && !arg.equals("-")) {
                for (char letter : arg.substring(1).toCharArray()) {
                    Options.Option option = Options.Option.byLetter(letter);
                    if (option == null) return usageError(streams, (arg.charAt(0)) + String.valueOf(letter) + ": invalid option");
                    state.options.set(option, arg.charAt(0) == '-');
                }
                continue;
            }
            break;
        }
        List<String> rest = new ArrayList<>(List.of(args).subList(i, args.length));
        Interpreter interpreter = new Interpreter(state);
        if (command != null) {
            if (!rest.isEmpty()) state.arg0 = rest.remove(0);
            state.positional = rest;
            state.sourceName = "-c";
            return interpreter.runText(command, "-c");
        }
        if (!rest.isEmpty() && !rest.get(0).equals("-")) {
            String file = rest.remove(0);
            String text;
            try {
                text = Files.readString(cwd.resolve(file), StandardCharsets.UTF_8);
            } catch (NoSuchFileException e) {
                return fail(streams, file + ": No such file or directory", 127);
            } catch (IOException e) {
                return fail(streams, file + ": " + e.getMessage(), 126);
            }
            state.arg0 = file;
            state.positional = rest;
            state.sourceName = file;
            return interpreter.runText(text, file);
        }
        if (!rest.isEmpty()) rest.remove(0);
        String text;
        try {
            text = new String(streams.in().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return fail(streams, "cannot read standard input: " + e.getMessage(), 1);
        }
        state.positional = rest;
        state.sourceName = "stdin";
        return interpreter.runText(text, "stdin");
    }

    private static int usageError(ShellStreams streams, String message) {
        return fail(streams, message, 2);
    }

    private static int fail(ShellStreams streams, String message, int status) {
        OutputStream err = streams.fds().get(2) instanceof dev.pipes.engine.world.Channel.Stream s ? s.out() : System.err;
        try {
            err.write(("pipesh: " + message + "\n").getBytes(StandardCharsets.UTF_8));
            err.flush();
        } catch (IOException e) {
            // nowhere left to report to
        }
        return status;
    }
}
