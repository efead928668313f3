package dev.pipes.shell.repl.jline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pipes.completions.InMemoryServiceCatalog;
import dev.pipes.completions.NamedEntry;
import dev.pipes.shell.repl.FakeSession;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jline.terminal.Terminal;
import org.jline.terminal.Size;
import org.jline.terminal.impl.ExternalTerminal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole interactive shell on JLine with a dumb terminal fed by a stream: no real terminal needed. */
class InteractiveShellTest {
    @TempDir
    Path home;
    private final ByteArrayOutputStream screen = new ByteArrayOutputStream();
    private final ByteArrayOutputStream errors = new ByteArrayOutputStream();
    private final InMemoryServiceCatalog catalog =
            InMemoryServiceCatalog.of(List.of(new NamedEntry("wordcount", "Counts words")), List.of());

    /** A terminal emulated in memory (no pseudo-terminal, whose kernel line discipline would eat keys). */
    private Terminal terminal(InputStream keys) throws IOException {
        ExternalTerminal terminal = new ExternalTerminal("test", "xterm", keys, screen, StandardCharsets.UTF_8);
        terminal.setSize(new Size(120, 40));
        return terminal;
    }

    private int run(FakeSession session, String keys) throws IOException {
        try (Terminal terminal = terminal(new java.io.ByteArrayInputStream(keys.getBytes(StandardCharsets.UTF_8)))) {
            return InteractiveShell.run(terminal, session, catalog, home,
                    new PrintStream(errors, true, StandardCharsets.UTF_8));
        }
    }

    @Test
    void anIncompleteEntryIsContinuedOnTheNextLine() throws IOException {
        FakeSession session = new FakeSession(home);
        run(session, "echo 'a\nb'\nls |\nwc\n");
        assertEquals(List.of("echo 'a\nb'", "ls |\nwc"), session.ran());
    }

    @Test
    void historyIsKeptAcrossRestartsInPipesHome() throws IOException {
        run(new FakeSession(home), "true\nfalse\n");
        assertEquals("true\nfalse\n", Files.readString(home.resolve("history")).replaceAll("(?m)^\\d+:", ""));
        FakeSession second = new FakeSession(home);
        // Ctrl-P twice brings back the first entry of the earlier session
        run(second, "\u0010\u0010\n");
        assertEquals(List.of("true"), second.ran());
        assertEquals(List.of("true", "false"), second.earlier(), "the history builtin's earlier entries");
    }

    @Test
    void ctrlRSearchesTheHistory() throws IOException {
        run(new FakeSession(home), "echo one\nfalse\necho two\n");
        FakeSession second = new FakeSession(home);
        run(second, "\u0012fal\n\n");
        assertEquals("false", second.ran().get(0));
    }

    @Test
    void rightArrowTakesTheAutosuggestionFromHistory() throws IOException {
        run(new FakeSession(home), "echo hello world\ntrue\n");
        FakeSession second = new FakeSession(home);
        run(second, "ec\u001bOC\n"); // Right, as a terminal in keypad mode sends it
        assertEquals(List.of("echo hello world"), second.ran());
    }

    @Test
    void promptsAreShownAsTheyExpandPercentSignsIncluded() throws IOException {
        FakeSession session = new FakeSession(home);
        session.setVariable("PIPES_PROMPT", "100%P \\m> ");
        session.setVariable("PIPES_PROMPT2", "%%more> ");
        run(session, "ls |\nwc\n");
        String shown = screen.toString(StandardCharsets.UTF_8);
        assertTrue(shown.contains("100%P embedded> "), shown);
        assertTrue(shown.contains("%%more> "), shown);
    }

    @Test
    void tabCompletesAServiceAndAQuotedFileName() throws IOException {
        Files.writeString(home.resolve("my notes.txt"), "");
        FakeSession session = new FakeSession(home);
        run(session, "wordc\t| sort my\t\n");
        assertEquals(List.of("wordcount | sort my\\ notes.txt "), session.ran());
    }

    @Test
    void ctrlCWhileAnEntryRunsReachesTheForegroundPipeline() throws Exception {
        FakeSession session = new FakeSession(home);
        PipedOutputStream keyboard = new PipedOutputStream();
        PipedInputStream keys = new PipedInputStream(keyboard);
        try (Terminal terminal = terminal(keys)) {
            CompletableFuture<Integer> shell = CompletableFuture.supplyAsync(() -> InteractiveShell.run(
                    terminal, session, catalog, home, new PrintStream(errors, true, StandardCharsets.UTF_8)));
            keyboard.write("wait-for-signal\n".getBytes(StandardCharsets.UTF_8));
            keyboard.flush();
            assertTrue(session.awaitRunning(), "the entry started");
            terminal.raise(Terminal.Signal.INT);
            keyboard.write("exit 4\n".getBytes(StandardCharsets.UTF_8));
            keyboard.flush();
            assertEquals(4, shell.get(10, TimeUnit.SECONDS));
        }
        assertEquals(List.of("interrupt"), session.events());
        assertEquals(List.of("wait-for-signal", "exit 4"), session.ran());
    }
}
