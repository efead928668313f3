package dev.pipes.shell;

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
        int status = run(args, System.out, System.err);
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
        if (args.length > 0 && args[0].equals("--embedded")) {
            // the embedded runtime even where `pipes init` made $PIPES_HOME a cluster's (Modules reads it)
            System.setProperty(dev.pipes.shell.modules.Modules.MODE_PROPERTY, "embedded");
            args = java.util.Arrays.copyOfRange(args, 1, args.length);
        }
        if (args.length > 0 && (args[0].equals("--version") || args[0].equals("-V"))) {
            out.println("pipesh " + version());
            return 0;
        }
        if (args.length > 0 && args[0].equals("-n")) {
            return ParseOnly.run(java.util.Arrays.copyOfRange(args, 1, args.length), System.in, out, err);
        }
        if (args.length > 0 && (args[0].equals("--help") || args[0].equals("-h"))) {
            out.print(usage());
            return 0;
        }
        if (args.length > 0 && args[0].equals("--completion")) {
            return dev.pipes.shell.repl.jline.InteractiveMain.completionScript(args, out, err);
        }
        if (args.length == 0 && out == System.out && dev.pipes.shell.repl.Interactive.onTerminal()) {
            return dev.pipes.shell.repl.jline.InteractiveMain.run(ShellStreams.nativeStdio().fds(), err);
        }
        out.flush();
        return ScriptMode.run(args, ShellStreams.of(out, err));
    }

    static String usage() {
        return """
            Usage: pipesh [OPTIONS] [FILE [ARGS...]]
                   pipesh [OPTIONS] -c TEXT [NAME [ARGS...]]

            pipesh is a shell in which a Unix pipe spans a cluster.

            Options:
              -c TEXT        run TEXT, then exit; NAME and ARGS become $0, $1, ...
              -n             parse only: print the syntax tree and exit (2 on a syntax error)
              --completion SHELL  print a completion script of pipesh for bash, zsh or fish
              --embedded     run services in the embedded runtime even where `pipes init`
                             set up a cluster (as PIPES_MODE=embedded); must come first
              -h, --help     show this help and exit
              -V, --version  print the version and exit

            With FILE, pipesh runs the script FILE; with neither FILE nor -c it reads
            commands from the terminal (or standard input when it is not a terminal).
            """;
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
