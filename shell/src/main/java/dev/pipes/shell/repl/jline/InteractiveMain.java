package dev.pipes.shell.repl.jline;

import dev.pipes.completions.ServiceCatalog;
import dev.pipes.completions.scripts.CompletionScript;
import dev.pipes.engine.interp.ShellState;
import dev.pipes.engine.world.FdTable;
import dev.pipes.engine.world.ProcessLauncher;
import dev.pipes.engine.world.ServiceDirectory;
import dev.pipes.shell.repl.EngineSession;
import java.io.PrintStream;
import java.nio.file.Path;

/** What Main calls for the interactive shell and for {@code pipesh --completion SHELL}. */
public final class InteractiveMain {
    private InteractiveMain() {}

    /** The interactive shell on the process's terminal, with the real interpreter. */
    public static int run(FdTable nativeStdio, PrintStream err) {
        ShellState state = new ShellState(System.getenv(), Path.of("").toAbsolutePath(), nativeStdio,
                ProcessLauncher.os(), ServiceDirectory.none());
        // Services do not exist yet: completion offers none until a real catalog is wired in here.
        return InteractiveShell.run(new EngineSession(state), ServiceCatalog.empty(), err);
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
