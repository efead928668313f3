package dev.pipes.shell;

import dev.pipes.completions.scripts.CompletionScript;
import dev.pipes.shell.invocation.Invocation;
import dev.pipes.shell.invocation.InvocationError;
import dev.pipes.shell.invocation.InvocationSyntax;
import dev.pipes.wamp.transport.netty.IoTransport;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.Properties;

/** Entry point of the pipesh executable: reads the command line and hands over to a mode. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        IoTransport.useProductionSettings();
        int status = run(ProcessText.arguments(args), System.out, System.err);
        System.out.flush();
        System.err.flush();
        // Not System.exit: it looks up the "java.lang.Runtime" logger to log the exit, and that
        // makes the JDK search every jar on the class path for logging services, which cost more
        // than the rest of a `pipesh -c true` (bench/startup.sh). pipesh needs no shutdown hook:
        // the interactive shell restores the terminal before run returns.
        Runtime.getRuntime().halt(status);
    }

    /** Runs pipesh with {@code args} and returns its exit status; never calls System.exit. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        Invocation invocation;
        try {
            invocation = InvocationSyntax.parse(args);
        } catch (InvocationError e) {
            err.println("pipesh: " + e.getMessage());
            return 2;
        }
        switch (invocation.action()) {
            case VERSION -> {
                out.println("pipesh " + version());
                return 0;
            }
            case HELP -> {
                out.print(InvocationSyntax.help());
                return 0;
            }
            case COMPLETION -> {
                return completionScript(invocation.completionShell(), out, err);
            }
            case PARSE_ONLY -> {
                return ParseOnly.run(invocation, System.in, out, err);
            }
            default -> { }
        }
        // Only a shell reading standard input asks whether it is a terminal: -c and scripts never
        // pay for the question.
        if (invocation.source() == Invocation.Source.STANDARD_INPUT && out == System.out) {
            if (dev.pipes.shell.repl.Interactive.onTerminal()) {
                return dev.pipes.shell.repl.jline.InteractiveMain.run(invocation, ShellStreams.nativeStdio().fds(), err);
            }
            if (invocation.interactive()) {
                return dev.pipes.shell.repl.jline.InteractiveMain.runWithoutTerminal(invocation, ShellStreams.nativeStdio(), err);
            }
        }
        out.flush();
        return ScriptMode.run(invocation, ShellStreams.of(out, err));
    }

    /** {@code pipesh --completion bash|zsh|fish}: the completion script of pipesh for that shell. */
    private static int completionScript(String shell, PrintStream out, PrintStream err) {
        try {
            out.print(CompletionScript.of(CompletionScript.Shell.named(shell), InvocationSyntax.completionSpec()));
            return 0;
        } catch (IllegalArgumentException e) {
            err.println("pipesh: --completion: " + e.getMessage());
            return 2;
        }
    }

    static String version() {
        Properties properties = new Properties();
        try (InputStream in = Main.class.getResourceAsStream("version.properties")) {
            if (in != null) properties.load(in);
        } catch (IOException e) {
            // the version is informative only; fall through to "unknown"
        }
        return properties.getProperty("version", "unknown");
    }
}
