package dev.pipes.engine.interp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pipes.engine.verbs.PipesVerb;
import dev.pipes.engine.verbs.PipesVerbs;
import dev.pipes.engine.verbs.VerbCall;
import dev.pipes.engine.world.Channel;
import dev.pipes.engine.world.FdTable;
import dev.pipes.engine.world.ProcessLauncher;
import dev.pipes.engine.service.ServiceRuntime;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code pipes} builtin: verbs wired in by the shell, the interpreter's own service verbs, errors. */
class PipesBuiltinTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    /** A verb that echoes its arguments, its input and one exported variable. */
    private static final PipesVerb ECHO_VERB = new PipesVerb() {
        @Override public String name() { return "echoargs"; }
        @Override public String usage() { return "pipes echoargs [ARG...]"; }
        @Override public String summary() { return "print the arguments"; }
        @Override public int run(VerbCall call) {
            try {
                String input = new String(call.in().readAllBytes(), StandardCharsets.UTF_8);
                call.println(call.args() + " in=" + input.strip() + " X=" + call.environment().get("X"));
                return call.args().size() == 1 ? call.fail("nothing to print") : 0;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    };

    private Interpreter shell() {
        FdTable fds = FdTable.of(Channel.Stream.reading(new ByteArrayInputStream("stdin\n".getBytes()), "in"),
                Channel.Stream.writing(out, "out"), Channel.Stream.writing(err, "err"));
        ShellState state = new ShellState(Map.of("PATH", "/usr/bin:/bin"), dir, fds, ProcessLauncher.os(), ServiceRuntime.none());
        state.verbs = PipesVerbs.of(List.of(ECHO_VERB));
        return new Interpreter(state);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aWiredVerbRunsWithItsArgumentsStreamsAndExportedEnvironment() {
        assertEquals(0, shell().runText("export X=1; echo piped | pipes echoargs a 'b c'", "t"));
        assertEquals("[echoargs, a, b c] in=piped X=1\n", out());
    }

    @Test
    void aVerbsFailureIsNamedAndItsStatusKept() {
        assertEquals(1, shell().runText("pipes echoargs </dev/null", "t"));
        assertEquals("pipesh: pipes echoargs: nothing to print\n", err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void helpListsTheInterpretersVerbsAndTheWiredOnes() {
        assertEquals(0, shell().runText("pipes help", "t"));
        for (String verb : List.of("build", "services", "explain", "echoargs")) assertTrue(out().contains("  " + verb + " "), out());
    }

    @Test
    void anUnknownVerbIsAUsageError() {
        assertEquals(2, shell().runText("pipes frobnicate", "t"));
        assertTrue(err.toString(StandardCharsets.UTF_8).endsWith(": pipes: frobnicate: no such verb (pipes help lists them)\n"),
                err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void theInterpretersOwnVerbsAreReachable() {
        assertEquals(0, shell().runText("pipes explain 'echo a | cat'", "t"));
        assertTrue(out().contains("cat"), out());
    }

    @Test
    void aVerbsHelpIsItsUsage() {
        assertEquals(0, shell().runText("pipes echoargs --help", "t"));
        assertEquals("usage: pipes echoargs [ARG...]\nprint the arguments\n", out());
    }

    @Test
    void twoVerbsOfOneNameAreRefused() {
        try {
            PipesVerbs.of(List.of(ECHO_VERB, ECHO_VERB));
        } catch (IllegalArgumentException e) {
            assertEquals("two pipes verbs named echoargs", e.getMessage());
            return;
        }
        throw new AssertionError("accepted two verbs named echoargs");
    }

    @Test
    void deferredVerbsAreAskedForOnceAndOnlyWhenAVerbIsMissingOrAllAreListed() {
        java.util.concurrent.atomic.AtomicInteger asked = new java.util.concurrent.atomic.AtomicInteger();
        Interpreter shell = shell();
        shell.state().verbs = PipesVerbs.of(List.of(ECHO_VERB)).withDeferred(() -> {
            asked.incrementAndGet();
            return List.of(renamed(ECHO_VERB, "later"));
        });
        assertEquals(0, shell.runText("pipes echoargs x </dev/null; pipes explain true", "t"));
        assertEquals(0, asked.get(), "the shell's own verbs need no module");
        assertEquals(0, shell.runText("pipes later y </dev/null; pipes help", "t"));
        assertTrue(out().contains("[later, y]"), out());
        assertTrue(out().contains("  later "), out());
        assertEquals(2, shell.runText("pipes nothing", "t"));
        assertEquals(1, asked.get());
    }

    private static PipesVerb renamed(PipesVerb verb, String name) {
        return new PipesVerb() {
            @Override public String name() { return name; }
            @Override public String usage() { return verb.usage(); }
            @Override public String summary() { return verb.summary(); }
            @Override public int run(VerbCall call) { return verb.run(call); }
        };
    }
}
