package dev.pipes.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Background jobs through the pipesh entry point: real processes, checked from outside the shell. */
class JobsTest {
    @TempDir
    Path dir;

    private record Run(int status, String out, String err) {}

    private Run pipesh(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = ScriptMode.run(new String[] {"-c", text},
                ShellStreams.captured(new ByteArrayInputStream(new byte[0]), out, err), dir,
                Map.of("PATH", "/usr/bin:/bin", "HOME", dir.toString()));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Processes of this machine whose command line mentions {@code marker}. */
    private static List<ProcessHandle> processesWith(String marker) {
        return ProcessHandle.allProcesses()
                .filter(h -> h.info().arguments().map(a -> List.of(a).contains(marker)).orElse(false))
                .toList();
    }

    @Test
    void aBackgroundPipelineRunsWhileTheShellGoesOnAndWaitCollectsIt() {
        Run run = pipesh("seq 1 5 | tr 1-5 a-e > out.txt &\necho started\nwait\ncat out.txt");
        assertEquals("started\na\nb\nc\nd\ne\n", run.out(), run.err());
        assertEquals(0, run.status());
    }

    @Test
    void dollarBangIsThePidOfTheLastProcessOfTheJob() {
        Run run = pipesh("sleep 0.3 | sleep 31411 &\necho $!\nkill %1\nwait");
        long pid = Long.parseLong(run.out().strip());
        assertTrue(pid > 0);
        assertTrue(ProcessHandle.of(pid).isEmpty() || !ProcessHandle.of(pid).get().isAlive(), "the job was killed");
    }

    @Test
    void killPercentOneLeavesNoProcessBehind() throws Exception {
        Run run = pipesh("sleep 31401 | sleep 31402 | cat &\njobs\nkill %1\nwait %1\necho status $?");
        assertTrue(run.out().startsWith("[1]+  Running"), run.out());
        assertTrue(run.out().endsWith("status 143\n"), run.out());
        awaitGone("31401");
        awaitGone("31402");
    }

    @Test
    void killingAJobStopsItsInProcessStagesAndTheProcessesTheyStarted() throws Exception {
        Run run = pipesh("f() { while true; do sleep 31403; done; }\nf | cat &\nsleep 0.3\nkill %1\nwait\necho done");
        assertEquals("done\n", run.out(), run.err());
        awaitGone("31403");
    }

    @Test
    void waitReturnsTheStatusOfTheJobItWaitsFor() {
        Run run = pipesh("(sleep 0.1; exit 7) &\nsh -c 'exit 3' &\np=$!\nwait $p\necho $?\nwait %1\necho $?");
        assertEquals("3\n7\n", run.out(), run.err());
    }

    @Test
    void jobsAreReportedDoneOnceTheyFinish() throws Exception {
        Run run = pipesh("true &\nwait\nsleep 31404 &\njobs\nkill %2 %1 2>/dev/null\nwait");
        assertTrue(run.out().contains("Running") && run.out().contains("sleep 31404"), run.out());
        awaitGone("31404");
        Files.writeString(dir.resolve("unused"), "");
    }

    private static void awaitGone(String marker) throws InterruptedException {
        for (int i = 0; i < 50 && !processesWith(marker).isEmpty(); i++) Thread.sleep(100);
        assertEquals(List.of(), processesWith(marker).stream().map(ProcessHandle::pid).toList(),
                "processes left behind with " + marker);
    }
}
