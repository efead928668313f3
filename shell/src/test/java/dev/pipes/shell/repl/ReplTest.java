package dev.pipes.shell.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The loop driven without a terminal: entries from text, or from a scripted reader for Ctrl-C and Ctrl-D. */
class ReplTest {
    private final FakeSession session = new FakeSession(Path.of("/tmp"));
    private final ByteArrayOutputStream screen = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(screen, true, StandardCharsets.UTF_8);
    private final Prompts prompts = new Prompts("ann", "box", false);

    private int runLines(String input) {
        session.variables.put(Prompts.PRIMARY_VARIABLE, "\\?$ ");
        EntryReader reader = new LinesEntryReader(new BufferedReader(new StringReader(input)), out, Continuation.ofGrammar());
        return new Repl(reader, session, prompts, out).run();
    }

    private String screen() {
        return screen.toString(StandardCharsets.UTF_8);
    }

    @Test
    void runsEntriesUntilTheInputEndsAndExitsWithTheLastStatus() {
        assertEquals(1, runLines("true\nfalse\n"));
        assertEquals(List.of("true", "false"), session.ran);
        assertEquals("$ $ 1 $ ", screen());
    }

    @Test
    void anIncompleteEntryContinuesWithTheSecondaryPrompt() {
        runLines("echo 'a\nb'\nls |\nwc\ntrue\n");
        assertEquals(List.of("echo 'a\nb'", "ls |\nwc", "true"), session.ran);
        assertEquals("$ > 127 $ > 127 $ $ ", screen());
    }

    @Test
    void exitEndsTheLoopWithItsStatus() {
        assertEquals(3, runLines("exit 3\ntrue\n"));
        assertEquals(List.of("exit 3"), session.ran);
    }

    @Test
    void blankLinesRunNothing() {
        runLines("\n   \ntrue\n");
        assertEquals(List.of("true"), session.ran);
    }

    @Test
    void finishedJobsAreReportedBeforeTheNextPrompt() {
        runLines("start-job\nfinish-job\ntrue\n");
        assertTrue(screen().endsWith("$ $ [1]+  Done                  start-job\n$ $ "), screen());
    }

    /** A reader that plays back entries, Ctrl-C ("^C") and Ctrl-D ("^D"). */
    private static EntryReader scripted(String... keys) {
        Deque<String> queue = new ArrayDeque<>(List.of(keys));
        return (prompt, continuation) -> {
            String next = queue.poll();
            if (next == null || next.equals("^D")) throw new EntryReader.EndOfInput();
            if (next.equals("^C")) throw new EntryReader.Interrupted();
            return next;
        };
    }

    @Test
    void ctrlCAtThePromptDropsTheLineAndTheShellGoesOn() {
        new Repl(scripted("^C", "true", "^C", "false"), session, prompts, out).run();
        assertEquals(List.of("true", "false"), session.ran);
    }

    @Test
    void ctrlDWarnsOnceWhileJobsRunThenExits() {
        int status = new Repl(scripted("start-job", "^D", "^D"), session, prompts, out).run();
        assertEquals(0, status);
        assertEquals("pipesh: 1 job is still running; press Ctrl-D again (or type exit) to leave anyway\n", screen());
    }

    @Test
    void theWarningIsGivenAgainAfterAnotherEntry() {
        new Repl(scripted("start-job", "^D", "true", "^D", "^D"), session, prompts, out).run();
        assertEquals(2, screen().split("still running", -1).length - 1);
    }

    @Test
    void ctrlDWithoutJobsExitsAtOnce() {
        new Repl(scripted("^D", "true"), session, prompts, out).run();
        assertEquals(List.of(), session.ran);
        assertEquals("", screen());
    }

    @Test
    void ctrlCWhileAnEntryRunsStopsItsPipelineNotTheShell() throws Exception {
        Repl repl = new Repl(scripted("wait-for-signal", "true"), session, prompts, out);
        assertEquals(false, repl.signals().interrupt(), "nothing runs yet");
        CompletableFuture<Integer> loop = CompletableFuture.supplyAsync(repl::run);
        assertTrue(session.running.await(10, TimeUnit.SECONDS));
        assertTrue(repl.signals().interrupt());
        assertEquals(0, loop.get(10, TimeUnit.SECONDS), "the shell went on to run 'true'");
        assertEquals(List.of("wait-for-signal", "true"), session.ran);
        assertEquals(List.of("interrupt"), session.events);
    }

    @Test
    void aCtrlCThatArrivesAsTheEntryEndsDoesNotCancelTheNextPrompt() {
        // The session stops the foreground by interrupting the loop's thread, as the engine does;
        // here the Ctrl-C comes at the very end of the entry, so nothing but the flag is left.
        List<Boolean> interruptedAtPrompt = new java.util.ArrayList<>();
        Deque<String> entries = new ArrayDeque<>(List.of("late-signal", "true"));
        Repl[] repl = new Repl[1];
        ShellSession interrupting = new ForwardingSession(session) {
            @Override
            public int run(String entry) {
                if (entry.equals("late-signal")) repl[0].signals().interrupt();
                return super.run(entry);
            }

            @Override
            public void interruptForeground() {
                Thread.currentThread().interrupt();
            }
        };
        EntryReader reader = (prompt, continuation) -> {
            interruptedAtPrompt.add(Thread.currentThread().isInterrupted());
            String next = entries.poll();
            if (next == null) throw new EntryReader.EndOfInput();
            return next;
        };
        repl[0] = new Repl(reader, interrupting, prompts, out);
        repl[0].run();
        assertEquals(List.of(false, false, false), interruptedAtPrompt);
        assertEquals(List.of("late-signal", "true"), session.ran);
    }

    @Test
    void theShellsOwnCopyOfACtrlCThatKilledACommandLandsBeforeTheNextPrompt() {
        // Ctrl-C reaches the command and pipesh alike; the command may die of it (status 130)
        // before pipesh's copy is delivered. That copy must land before the next prompt, where it
        // would otherwise drop what the user types next.
        List<Long> promptTimes = new java.util.ArrayList<>();
        long[] signalTime = {0};
        Deque<String> entries = new ArrayDeque<>(List.of("killed-by-sigint", "true"));
        Repl[] repl = new Repl[1];
        ShellSession killed = new ForwardingSession(session) {
            private int last;

            @Override
            public int run(String entry) {
                super.run(entry);
                last = entry.equals("killed-by-sigint") ? 130 : 0;
                if (last == 130) {
                    Thread.ofPlatform().start(() -> {
                        sleepQuietly(100);
                        signalTime[0] = System.nanoTime();
                        repl[0].signals().interrupt();
                    });
                }
                return last;
            }

            @Override
            public int lastStatus() {
                return last;
            }
        };
        EntryReader reader = (prompt, continuation) -> {
            promptTimes.add(System.nanoTime());
            String next = entries.poll();
            if (next == null) throw new EntryReader.EndOfInput();
            return next;
        };
        repl[0] = new Repl(reader, killed, prompts, out);
        repl[0].run();
        assertTrue(signalTime[0] != 0, "the late signal was delivered");
        assertTrue(promptTimes.get(1) > signalTime[0], "the second prompt came after the late signal");
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void ctrlZWhileAnEntryRunsSendsItToTheBackground() throws Exception {
        Repl repl = new Repl(scripted("wait-for-signal", "^D", "^D"), session, prompts, out);
        CompletableFuture<Integer> loop = CompletableFuture.supplyAsync(repl::run);
        assertTrue(session.running.await(10, TimeUnit.SECONDS));
        assertTrue(repl.signals().suspend());
        loop.get(10, TimeUnit.SECONDS);
        assertEquals(List.of("background"), session.events);
        assertTrue(screen().contains("1 job is still running"), screen());
    }
}
