package dev.pipes.engine.interp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pipes.engine.world.Channel;
import dev.pipes.engine.world.FdTable;
import dev.pipes.engine.world.ProcessLauncher;
import dev.pipes.engine.service.ServiceRuntime;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a REPL drives: one state across entries, job notifications, interrupting the foreground. */
class ReplFacingApiTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private Interpreter shell() {
        FdTable fds = FdTable.of(Channel.Stream.reading(InputStream.nullInputStream(), "in"),
                Channel.Stream.writing(out, "out"), Channel.Stream.writing(new ByteArrayOutputStream(), "err"));
        return new Interpreter(new ShellState(Map.of("PATH", "/usr/bin:/bin"), dir, fds, ProcessLauncher.os(),
                ServiceRuntime.none()));
    }

    @Test
    void stateCarriesOverFromOneEntryToTheNext() {
        Interpreter shell = shell();
        shell.runText("x=1; f() { echo \"f$1\"; }; cd /", "repl");
        shell.runText("echo $x; f 2; pwd", "repl");
        assertEquals("1\nf2\n/\n", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aFinishedJobIsAnnouncedOnce() throws Exception {
        Interpreter shell = shell();
        shell.runText("sleep 0.1 &", "repl");
        assertEquals(List.of(), shell.jobNotifications());
        List<String> lines = List.of();
        for (int i = 0; i < 200 && lines.isEmpty(); i++) {
            Thread.sleep(50);
            lines = shell.jobNotifications();
        }
        assertEquals(1, lines.size());
        assertTrue(lines.get(0).matches("\\[1\\]\\+  Done +sleep 0.1"), lines.get(0));
        assertEquals(List.of(), shell.jobNotifications());
    }

    @Test
    void interruptingTheForegroundStopsItButNotTheShell() throws Exception {
        Interpreter shell = shell();
        Thread interrupter = new Thread(() -> {
            try {
                // like a user who presses Ctrl-C once the command runs
                while (ProcessHandle.current().descendants()
                        .noneMatch(h -> h.info().arguments().map(a -> List.of(a).contains("20.5")).orElse(false))) {
                    Thread.sleep(50);
                }
            } catch (InterruptedException e) {
                return;
            }
            shell.interruptForeground();
        });
        interrupter.start();
        long start = System.nanoTime();
        int status = shell.runText("sleep 20.5 | cat", "repl");
        assertTrue(System.nanoTime() - start < 10_000_000_000L, "the pipeline was stopped");
        assertTrue(status == 0 || status == 143, "cat ended by end of input or by the signal: " + status);
        assertEquals(0, shell.runText("echo still here", "repl"));
        assertTrue(out.toString(StandardCharsets.UTF_8).endsWith("still here\n"));
    }
}
