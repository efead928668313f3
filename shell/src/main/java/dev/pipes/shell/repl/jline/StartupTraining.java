package dev.pipes.shell.repl.jline;

import dev.pipes.completions.ServiceCatalog;
import dev.pipes.engine.interp.Interpreter;
import dev.pipes.engine.interp.ShellState;
import dev.pipes.engine.world.Channel;
import dev.pipes.engine.world.FdTable;
import dev.pipes.engine.world.ProcessLauncher;
import dev.pipes.engine.service.ServiceRuntime;
import dev.pipes.engine.service.Services;
import dev.pipes.shell.Main;
import dev.pipes.shell.repl.EngineSession;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.jline.terminal.Size;
import org.jline.terminal.impl.ExternalTerminal;

/**
 * What the launcher runs once to build a start-up cache (AppCDS, or the Java 25 AOT cache): the
 * work of {@code pipesh -c}, and for the interactive cache also a session on an in-memory terminal
 * (typing, highlighting, Tab, history). Two caches, because classes in a cache are loaded at
 * start-up whether needed or not: {@code pipesh -c} should not pay for the line editor.
 */
public final class StartupTraining {
    private StartupTraining() {}

    /**
     * The training has no terminal, so the classes that open the real one are loaded by hand (the
     * provider InteractiveShell asks for, its pty, the signal plumbing) to be in the cache too.
     */
    private static void systemTerminalClasses() throws IOException {
        TerminalSetup.useUnpackedNativeLibrary();
        try (var terminal = InteractiveShell.systemTerminal().dumb(true).build()) {
            terminal.getAttributes();
        }
        Object registration = org.jline.utils.Signals.register("WINCH", () -> { });
        org.jline.utils.Signals.unregister("WINCH", registration);
        for (String name : new String[] {"org.jline.terminal.impl.PosixSysTerminal", "org.jline.terminal.impl.exec.ExecPty",
                "org.jline.terminal.impl.AbstractPty$PtyInputStream", "org.jline.utils.FastBufferedOutputStream",
                "org.jline.utils.ShutdownHooks", "org.jline.terminal.impl.exec.ExecTerminalProvider",
                "org.jline.terminal.impl.jni.JniTerminalProvider", "org.jline.terminal.impl.jni.linux.LinuxNativePty",
                "org.jline.terminal.impl.jni.JniNativePty", "org.jline.nativ.JLineNativeLoader", "org.jline.nativ.CLibrary"}) {
            try {
                Class.forName(name, false, StartupTraining.class.getClassLoader());
            } catch (ClassNotFoundException e) {
                // a class renamed in another JLine version: it is simply not cached
            }
        }
    }

    /**
     * A pipeline with services, in a home of its own: the embedded router, agents, WAMP streams
     * over loopback WebSocket, replicas and fusion. Without this, the first service pipeline of
     * every pipesh loaded and linked those classes itself (most of its fixed cost, docs/protocol.md).
     */
    private static void services() throws IOException {
        Path home = Files.createTempDirectory("pipesh-training-services");
        try {
            Path pass = home.resolve("pass.sh");
            Files.writeString(pass, "#!/bin/sh\nexec cat\n");
            pass.toFile().setExecutable(true);
            FdTable fds = FdTable.of(Channel.Stream.reading(new ByteArrayInputStream(new byte[0]), "stdin"),
                    Channel.Stream.writing(OutputStream.nullOutputStream(), "stdout"),
                    Channel.Stream.writing(OutputStream.nullOutputStream(), "stderr"));
            Map<String, String> environment = new HashMap<>(System.getenv());
            environment.put("PIPES_HOME", home.toString());
            try (Services services = Services.embedded(environment)) {
                ShellState state = new ShellState(environment, home, fds, ProcessLauncher.os(), services);
                new Interpreter(state).runText("build pass ./pass.sh >/dev/null; echo x | pass | pass@2 | cat; "
                        + "PIPES_FUSE=0; echo x | pass | pass@2 | cat; services >/dev/null", "training");
            }
        } finally {
            try (var files = Files.walk(home)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /**
     * What a short script does, for the class cache: loops, arithmetic, a case, command
     * substitutions, here-documents, functions, and pipelines of external commands.
     */
    static final String SCRIPT = """
            n=0
            for f in a b c; do n=$((n+1)); done
            echo "$n" | tr 1-9 a-i >/dev/null
            x=$(printf '%s\\n' one two | wc -l)
            [ "$x" -eq 2 ] && echo ok >/dev/null
            case "$n" in 3) g=hello ;; *) g=bye ;; esac
            while read -r line; do : "$line"; done <<EOF
            a $n
            EOF
            f() { y=$1; echo "${y%.txt}" "${#y}"; }
            f c.txt >/dev/null 2>&1
            test -n "$g" && [ -d / ] || exit 1
            echo "$g $(basename /a/b/c.txt .txt)" | cat >/dev/null
            if [ "$n" -gt 1 ]; then set -- a b; shift; fi
            """;

    /**
     * {@code script}: train the {@code -c} / script start-up only; {@code interactive}: also the
     * REPL's. Run on a terminal (the launcher runs it under {@code script(1)} with keys on its
     * input), the interactive training is the real interactive shell of {@link Main}, from the
     * terminal's opening to a completed line; without a terminal it is a session on an in-memory one.
     */
    public static void main(String[] args) throws IOException {
        PrintStream nowhere = new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
        Main.run(new String[] {"-c", "x=1; f() { echo \"$x\" | cat; }; f >/dev/null; true"}, nowhere, nowhere);
        // on the process's own descriptors, as a real run (the launcher sends them to /dev/null):
        // with captured streams the classes of the native path were never cached
        Main.run(new String[] {"-c", SCRIPT}, System.out, System.err);
        services();
        if (args.length > 0 && args[0].equals("script")) return;
        if (dev.pipes.shell.repl.Interactive.onTerminal()) {
            Main.run(new String[0], System.out, System.err);
            return;
        }
        systemTerminalClasses();
        Path home = Files.createTempDirectory("pipesh-training");
        try {
            byte[] keys = "echo 'a b' $HOME | wc -l >/dev/null\nec\t x\nif true; then\n:\nfi\nexit 0\n".getBytes(StandardCharsets.UTF_8);
            try (ExternalTerminal terminal = new ExternalTerminal("training", "xterm",
                    new ByteArrayInputStream(keys), OutputStream.nullOutputStream(), StandardCharsets.UTF_8)) {
                terminal.setSize(new Size(100, 30));
                FdTable fds = FdTable.of(Channel.Stream.reading(new ByteArrayInputStream(new byte[0]), "stdin"),
                        Channel.Stream.writing(OutputStream.nullOutputStream(), "stdout"),
                        Channel.Stream.writing(OutputStream.nullOutputStream(), "stderr"));
                ShellState state = new ShellState(System.getenv(), home, fds, ProcessLauncher.os(), ServiceRuntime.none());
                InteractiveShell.run(terminal, new EngineSession(state), ServiceCatalog.empty(), home, nowhere);
            }
        } finally {
            try (var files = Files.walk(home)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
