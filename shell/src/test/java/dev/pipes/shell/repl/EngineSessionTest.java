package dev.pipes.shell.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pipes.completions.NamedEntry;
import dev.pipes.engine.interp.ShellState;
import dev.pipes.engine.world.Channel;
import dev.pipes.engine.world.FdTable;
import dev.pipes.engine.world.ProcessLauncher;
import dev.pipes.engine.service.ServiceRuntime;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The loop's view of the real interpreter. */
class EngineSessionTest {
    @TempDir
    Path cwd;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private EngineSession session() {
        FdTable fds = FdTable.of(Channel.Stream.reading(new ByteArrayInputStream(new byte[0]), "stdin"),
                Channel.Stream.writing(out, "stdout"), Channel.Stream.writing(err, "stderr"));
        Map<String, String> environment = Map.of("PATH", System.getenv("PATH"), "HOME", cwd.toString());
        ShellState state = new ShellState(environment, cwd, fds, ProcessLauncher.os(), ServiceRuntime.none());
        return new EngineSession(state);
    }

    @Test
    void runsEntriesAndKeepsTheStatusAndTheState() {
        EngineSession session = session();
        assertEquals(1, session.run("X=5; f() { echo hi; }; false"));
        assertEquals(1, session.lastStatus());
        assertEquals(0, session.run("echo $X | tr 5 6"));
        assertEquals("6\n", out.toString(StandardCharsets.UTF_8));
        assertEquals(Map.of("X", "5"), Map.of("X", session.facts().variable("X").orElseThrow()));
        assertTrue(session.facts().functions().contains("f"));
        assertTrue(session.facts().variables().contains("X"));
        assertEquals(cwd, session.facts().workingDirectory());
        assertEquals(OptionalInt.empty(), session.exitStatus());
    }

    @Test
    void aSyntaxErrorIsReportedAndGivesStatusTwo() {
        EngineSession session = session();
        assertEquals(2, session.run("ls | | wc"));
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("pipesh:1:"), err.toString(StandardCharsets.UTF_8));
        assertEquals(OptionalInt.empty(), session.exitStatus());
    }

    @Test
    void exitEndsTheSessionButExitInASubshellDoesNot() {
        EngineSession session = session();
        session.run("(exit 4)");
        assertEquals(OptionalInt.empty(), session.exitStatus());
        session.run("exit 3");
        assertEquals(OptionalInt.of(3), session.exitStatus());
    }

    @Test
    void builtinsComeWithTheOptionsOfTheirDefinition() {
        EngineSession session = session();
        assertTrue(session.facts().builtin("echo").orElseThrow().option("-n").isPresent());
        assertTrue(session.facts().builtin("cd").isPresent());
    }

    @Test
    void finishedJobsAreNoticedOnceAndThenForgotten() throws Exception {
        EngineSession session = session();
        // the job ends when the test says so (a file appears), not after a time a loaded machine may exceed
        session.run("until test -e go; do sleep 0.01; done &");
        assertEquals(1, session.runningJobs());
        assertEquals(List.of(new NamedEntry("1", "until test -e go; do sleep 0.01; done")), session.facts().jobs());
        java.nio.file.Files.createFile(cwd.resolve("go"));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        List<String> notices = List.of();
        while (notices.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(50);
            notices = session.takeJobNotices();
        }
        assertEquals(1, notices.size());
        assertTrue(notices.get(0).matches("\\[1]\\+  Done +until test -e go; do sleep 0\\.01; done"), notices.get(0));
        assertEquals(List.of(), session.takeJobNotices());
        assertEquals(0, session.runningJobs());
    }

    @Test
    void interruptingStopsTheForegroundPipelineWithStatus130() throws Exception {
        EngineSession session = session();
        CompletableFuture<Integer> running = CompletableFuture.supplyAsync(() -> session.run("sleep 100 | cat"));
        Thread.sleep(500);
        session.interruptForeground();
        assertEquals(130, running.get(10, TimeUnit.SECONDS));
        assertEquals(0, session.run("true"), "the next entry runs normally");
        assertFalse(session.backgroundForeground(), "nothing runs in the foreground");
    }

    @Test
    void entriesGoToTheHistoryTheBuiltinLists() {
        EngineSession session = session();
        session.rememberEarlier(List.of("ls earlier"));
        session.run("echo one");
        session.run("history");
        assertEquals("one\n    1  ls earlier\n    2  echo one\n    3  history\n", out.toString(StandardCharsets.UTF_8));
    }

    /** Runs the entry as the REPL does, sends it to the background after a moment, and returns once run returned. */
    private void runAndBackground(EngineSession session, String entry) throws Exception {
        CompletableFuture<Integer> running = CompletableFuture.supplyAsync(() -> session.run(entry));
        Thread.sleep(400);
        assertTrue(session.backgroundForeground(), "the entry runs in the foreground");
        assertEquals(0, running.get(2, TimeUnit.SECONDS), "run returns at once, as bg does");
        assertFalse(session.backgroundForeground(), "nothing runs in the foreground any more");
    }

    /** This test's own sleep processes, told apart from other tests' by their duration. */
    private static List<ProcessHandle> sleeps(String duration) {
        return ProcessHandle.current().descendants()
                .filter(h -> h.info().command().map(c -> c.endsWith("/sleep")).orElse(false))
                .filter(h -> h.info().arguments().map(a -> List.of(a).equals(List.of(duration))).orElse(false))
                .filter(ProcessHandle::isAlive).toList();
    }

    private static List<String> awaitNotices(EngineSession session) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        List<String> notices = session.takeJobNotices();
        while (notices.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(50);
            notices = session.takeJobNotices();
        }
        return notices;
    }

    @Test
    void ctrlZTurnsTheForegroundPipelineIntoAJobThatKillStops() throws Exception {
        EngineSession session = session();
        runAndBackground(session, "sleep 31 | cat");
        assertEquals(List.of("[1]+ sleep 31 | cat &"), session.takeJobNotices());
        List<ProcessHandle> sleeping = sleeps("31");
        assertEquals(1, sleeping.size(), "the sleep goes on: " + sleeping);
        assertEquals(1, session.runningJobs());
        assertEquals(List.of(new NamedEntry("1", "sleep 31 | cat")), session.facts().jobs());
        session.run("jobs");
        assertTrue(out.toString(StandardCharsets.UTF_8).matches("\\[1]\\+  Running +sleep 31 \\| cat &\n"),
                out.toString(StandardCharsets.UTF_8));
        assertEquals(0, session.run("kill %1"));
        assertTrue(sleeping.get(0).onExit().get(10, TimeUnit.SECONDS) != null);
        List<String> notices = awaitNotices(session);
        assertEquals(1, notices.size(), notices.toString());
        assertTrue(notices.get(0).matches("\\[1]\\+  Terminated +sleep 31 \\| cat"), notices.get(0));
        assertEquals(List.of(), sleeps("31"), "no process is left behind");
        assertEquals(0, session.runningJobs());
    }

    @Test
    void aBackgroundedLoopIsStoppedByKillBetweenItsCommands() throws Exception {
        EngineSession session = session();
        runAndBackground(session, "while true; do sleep 0.13; done");
        session.takeJobNotices();
        assertEquals(0, session.run("kill %1"));
        assertEquals(143, session.run("wait %1"), "a killed job's status, as for a job started with &");
        assertEquals(0, session.runningJobs());
        Thread.sleep(300);
        assertEquals(List.of(), sleeps("0.13"), "the loop starts nothing more");
    }

    @Test
    void aBackgroundedEntryFinishesAsAJobAndItsChangesStayInTheJob() throws Exception {
        EngineSession session = session();
        session.run("X=before");
        runAndBackground(session, "X=during; sleep 1; X=after; cd /; (exit 3)");
        assertEquals(List.of("[1]+ X=during; sleep 1; X=after; cd /; (exit 3) &"), session.takeJobNotices());
        assertEquals(0, session.lastStatus());
        List<String> notices = awaitNotices(session);
        assertEquals(1, notices.size(), notices.toString());
        assertTrue(notices.get(0).matches("\\[1]\\+  Exit 3 +X=during.*"), notices.get(0));
        assertEquals("before", session.facts().variable("X").orElseThrow(), "as after ( entry ) &");
        assertEquals(cwd, session.facts().workingDirectory());
        assertEquals(0, session.run("echo $X"));
        assertEquals("before\n", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void fgAndWaitWaitForABackgroundedEntryAndGiveItsStatus() throws Exception {
        EngineSession session = session();
        runAndBackground(session, "sleep 1; (exit 4)");
        assertEquals(4, session.run("fg %1"));
        assertEquals("sleep 1; (exit 4)\n", out.toString(StandardCharsets.UTF_8));
        runAndBackground(session, "sleep 1; (exit 5)");
        assertEquals(5, session.run("wait %1"));
        assertEquals(0, session.runningJobs());
    }
}
