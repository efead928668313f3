package dev.pipes.shell.repl.jline;

import dev.pipes.completions.Completer;
import dev.pipes.completions.PathCommands;
import dev.pipes.completions.ServiceCatalog;
import dev.pipes.completions.spec.SpecLoader;
import dev.pipes.engine.world.NativeStreams;
import dev.pipes.shell.invocation.InvocationSyntax;
import dev.pipes.shell.repl.CommandKinds;
import dev.pipes.shell.repl.Continuation;
import dev.pipes.shell.repl.Highlighter;
import dev.pipes.shell.repl.Prompts;
import dev.pipes.shell.repl.Repl;
import dev.pipes.shell.repl.ShellSession;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jline.reader.History;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.widget.AutosuggestionWidgets;

/**
 * Puts the interactive pipesh together on a terminal: JLine's line reader with our parser,
 * completer and highlighter, the history file, autosuggestions, and Ctrl-C / Ctrl-Z routed to
 * the foreground pipeline.
 */
public final class InteractiveShell {
    /** The terminal providers tried in order; StartupTraining caches their classes. */
    static final String TERMINAL_PROVIDERS = "jni,exec";

    private InteractiveShell() {}

    /** Where pipesh keeps its files: {@code $PIPES_HOME}, else {@code ~/.pipes}. */
    public static Path pipesHome() {
        String configured = System.getenv("PIPES_HOME");
        if (configured != null && !configured.isEmpty()) return Path.of(configured);
        return Path.of(System.getProperty("user.home"), ".pipes");
    }

    /** Runs the interactive shell on the process's terminal; returns the exit status. */
    public static int run(ShellSession session, ServiceCatalog catalog, PrintStream err) {
        TerminalSetup.useUnpackedNativeLibrary();
        String type = System.getenv("TERM");
        Path terminfo = pipesHome().resolve("cache").resolve("terminfo");
        TerminalSetup.useKeptCapabilities(type, terminfo);
        try (Terminal terminal = openTerminal()) {
            Thread.ofPlatform().daemon().name("pipesh-terminfo").start(() -> TerminalSetup.keepCapabilities(terminal.getType(), terminfo));
            return run(terminal, session, catalog, pipesHome(), err);
        } catch (IOException e) {
            throw new UncheckedIOException("pipesh: cannot open the terminal", e);
        }
    }

    /**
     * The process's terminal through JLine's JNI provider alone. JLine probes every provider it is
     * not told to leave alone before it picks one: probing FFM generates its native call stubs (a
     * sixth of a second at every start), probing exec starts a process. Only when JNI cannot be
     * had (no native library for this machine) is exec ({@code stty}) tried, by
     * {@link #fallbackTerminal}. JLine's own property still chooses when it is set.
     */
    static TerminalBuilder systemTerminal() {
        TerminalBuilder builder = TerminalBuilder.builder().system(true).nativeSignals(true);
        String provider = System.getProperty(TerminalBuilder.PROP_PROVIDER);
        if (provider != null) return builder.provider(provider);
        return builder.providers("jni").jni(true).ffm(false).jna(false).jansi(false).exec(false).dumb(false);
    }

    /** The terminal when JNI failed: JNI, then {@code stty}, as JLine's defaults but FFM. */
    static TerminalBuilder fallbackTerminal() {
        return TerminalBuilder.builder().system(true).nativeSignals(true).providers(TERMINAL_PROVIDERS)
                .ffm(false).jna(false).jansi(false);
    }

    private static Terminal openTerminal() throws IOException {
        try {
            return configure(systemTerminal()).build();
        } catch (IllegalStateException | IOException e) {
            return configure(fallbackTerminal()).build();
        }
    }

    /** With standard output redirected ({@code pipesh >log}), the line editor draws on standard error. */
    private static TerminalBuilder configure(TerminalBuilder builder) {
        return builder.systemOutput(TerminalBuilder.SystemOutput.SysOutOrSysErr).signalHandler(Terminal.SignalHandler.SIG_IGN);
    }

    public static int run(Terminal terminal, ShellSession session, ServiceCatalog catalog, Path home, PrintStream err) {
        LineReader reader = lineReader(terminal, session, catalog, home, err);
        reader.getHistory().attach(reader); // starts reading the history file (DeferredHistory)
        NativeStreams.useStreamedInput(new TerminalInput());
        Repl repl = new Repl(new TerminalEntryReader(reader), session, Prompts.ofProcess(), err);
        // While an entry runs, Ctrl-C and Ctrl-Z reach the shell as signals (the terminal is
        // then in its normal mode); while the user types, JLine turns Ctrl-C into an exception.
        terminal.handle(Terminal.Signal.INT, signal -> repl.signals().interrupt());
        terminal.handle(Terminal.Signal.TSTP, signal -> {
            if (repl.signals().suspend()) err.println();
        });
        return repl.run();
    }

    static LineReader lineReader(Terminal terminal, ShellSession session, ServiceCatalog catalog, Path home, PrintStream err) {
        PathCommands pathCommands = new PathCommands();
        // Listing the PATH takes some milliseconds: do it now, off the prompt's way, rather than
        // on the first keystroke (highlighting asks whether the command exists).
        String path = session.facts().variable("PATH").orElse("");
        Thread.ofPlatform().daemon().name("pipesh-path-scan").start(() -> pathCommands.names(path));
        SpecLoader specs = new SpecLoader(home.resolve("completions"), err::println)
                .provide(InvocationSyntax.completionSpec());
        Completer completer = new Completer(session.facts(), catalog, specs, pathCommands);
        Highlighter highlighter = new Highlighter(new CommandKinds(session.facts(), catalog, pathCommands));
        // The history file is read after the first prompt shows; the shell learns its entries (for
        // the history builtin, listed before this session's) before anything else uses the history.
        DeferredHistory history = new DeferredHistory(read -> {
            List<String> earlier = new ArrayList<>();
            for (History.Entry entry : read) earlier.add(entry.line());
            session.rememberEarlier(earlier);
        });
        LineReader reader = LineReaderBuilder.builder()
                .terminal(terminal)
                .history(history)
                .appName("pipesh")
                .parser(new ShellLineParser(Continuation.ofGrammar()))
                .completer(new ShellCompleter(completer))
                .highlighter(new ShellHighlighter(highlighter))
                .variable(LineReader.HISTORY_FILE, historyFile(home, err))
                .variable(LineReader.HISTORY_SIZE, 10_000)
                .variable(LineReader.HISTORY_FILE_SIZE, 100_000)
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
                .option(LineReader.Option.HISTORY_IGNORE_DUPS, true)
                .option(LineReader.Option.AUTO_GROUP, true)
                .option(LineReader.Option.GROUP, true)
                .option(LineReader.Option.AUTO_FRESH_LINE, true)
                .option(LineReader.Option.INSERT_TAB, false)
                .build();
        new AutosuggestionWidgets(reader).enable();
        return reader;
    }

    private static Path historyFile(Path home, PrintStream err) {
        try {
            Files.createDirectories(home);
        } catch (IOException e) {
            err.println("pipesh: cannot create " + home + " (" + e.getMessage() + "); history is not kept");
        }
        return home.resolve("history");
    }
}
