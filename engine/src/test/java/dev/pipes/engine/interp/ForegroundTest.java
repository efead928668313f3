package dev.pipes.engine.interp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pipes.engine.service.ServiceRuntime;
import dev.pipes.engine.world.Channel;
import dev.pipes.engine.world.FdTable;
import dev.pipes.engine.world.ProcessLauncher;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The foreground-job API a REPL adapts: run, Ctrl-C, Ctrl-Z, and the notices for the next prompt. */
class ForegroundTest {
    private static final long SAFETY_NET_SECONDS = 30;

    @TempDir
    Path cwd;

    private Foreground foreground() {
        FdTable fds = FdTable.of(Channel.Stream.reading(new ByteArrayInputStream(new byte[0]), "stdin"),
                Channel.Stream.writing(new ByteArrayOutputStream(), "stdout"),
                Channel.Stream.writing(new ByteArrayOutputStream(), "stderr"));
        ShellState state = new ShellState(Map.of("PATH", System.getenv("PATH"), "HOME", cwd.toString()), cwd, fds,
                ProcessLauncher.os(), ServiceRuntime.none());
        return new Foreground(state, "test");
    }

    /** Runs {@code entry} on another thread; returns its status when it ends. */
    private static CompletableFuture<Integer> start(Foreground foreground, String entry) {
        return CompletableFuture.supplyAsync(() -> foreground.run(entry));
    }

    /** Waits until the entry's process runs (its pid file exists), the event the test needs. */
    private void awaitFile(String name) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(SAFETY_NET_SECONDS);
        while (!cwd.resolve(name).toFile().exists()) {
            if (System.nanoTime() > deadline) throw new AssertionError(name + " never appeared");
            Thread.sleep(10);
        }
    }

    @Test
    void runKeepsTheStateBetweenEntries() {
        Foreground foreground = foreground();
        assertEquals(3, foreground.run("x=4; (exit 3)"));
        assertEquals(0, foreground.run("[ \"$x\" = 4 ]"));
        assertEquals(List.of(), foreground.takeNotices());
    }

    @Test
    void interruptStopsTheEntryWithStatus130() throws Exception {
        Foreground foreground = foreground();
        CompletableFuture<Integer> status = start(foreground, "touch started; sleep 100");
        awaitFile("started");
        foreground.interrupt();
        assertEquals(130, status.get(SAFETY_NET_SECONDS, TimeUnit.SECONDS));
        assertEquals(0, foreground.runningJobs());
    }

    @Test
    void backgroundMakesAJobAndTheShellGoesOnFromBeforeTheEntry() throws Exception {
        Foreground foreground = foreground();
        assertFalse(foreground.background(), "nothing runs in the foreground");
        CompletableFuture<Integer> status = start(foreground, "changed=yes; touch started; sleep 100");
        awaitFile("started");
        assertTrue(foreground.background());
        assertEquals(0, status.get(SAFETY_NET_SECONDS, TimeUnit.SECONDS), "the status of bg");
        assertEquals(List.of("[1]+ changed=yes; touch started; sleep 100 &"), foreground.takeNotices());
        assertEquals(1, foreground.runningJobs());
        assertEquals(1, foreground.run("[ -n \"$changed\" ]"), "what the backgrounded entry changed is forgotten");
        foreground.state().jobs.find("%1").group().kill(false);
        foreground.run("wait %1");
        assertEquals(0, foreground.runningJobs());
    }
}
