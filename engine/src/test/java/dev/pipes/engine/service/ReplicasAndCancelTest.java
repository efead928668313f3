package dev.pipes.engine.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Replicated stages keep the input's order; a killed pipeline leaves no process behind. Both
 * ways: with fusion (the stages next to replicas are local processes) and with PIPES_FUSE=0.
 */
@Timeout(60)
@ParameterizedClass(name = "fusion {0}")
@ValueSource(booleans = {true, false})
class ReplicasAndCancelTest {
    @Parameter
    boolean fuse;
    @TempDir
    Path dir;
    ServiceShell shell;

    @BeforeEach
    void setUp() {
        shell = new ServiceShell(dir, fuse);
    }

    @AfterEach
    void tearDown() {
        shell.close();
    }

    private static String numbers(int n) {
        return IntStream.rangeClosed(1, n).mapToObj(i -> i + "\n").collect(Collectors.joining());
    }

    @Test
    void replicasShareTheWorkByBlocksAndKeepTheOrder() {
        // each block's run says which replica it is on; a shell loop is slow enough that blocks overlap
        shell.service("slow", "echo \"pid $$\" >&2; while read -r line; do echo \"$line\"; done");
        assertEquals(0, shell.run("PIPES_BLOCK_SIZE=2000; seq 1 3000 | slow@4 | cat"));
        assertEquals(numbers(3000), shell.out());
        for (int r = 0; r < 4; r++) assertTrue(shell.err().contains("slow@4[" + r + "]: pid "), shell.err());
        assertEquals(List.of(0, 0, 0), shell.state().pipeStatus);
    }

    @Test
    void replicasFromBuildApplyWithoutTheAtSyntax() {
        shell.service("twice", "sed 's/.*/&&/'", "--replicas", "3");
        assertEquals(0, shell.run("PIPES_BLOCK_SIZE=100; seq 1 500 | twice | tail -n 1"));
        assertEquals("500500\n", shell.out());
        shell.resetOutput();
        assertEquals(0, shell.run("PIPES_BLOCK_SIZE=100; seq 1 500 | twice | twice | md5sum"));
        String expected = IntStream.rangeClosed(1, 500).mapToObj(i -> "" + i + i + i + i + "\n").collect(Collectors.joining());
        assertEquals(md5(expected) + "  -\n", shell.out());
    }

    @Test
    void aFailingBlockGivesTheStageItsStatus() {
        shell.service("picky", "grep -v 13; test $? -le 1 || exit 9; exit 0");
        shell.service("fail", "cat; exit 4");
        assertEquals(0, shell.run("PIPES_BLOCK_SIZE=50; seq 1 100 | fail@2 | wc -l"));
        assertEquals("100\n", shell.out().strip() + "\n");
        assertEquals(List.of(0, 4, 0), shell.state().pipeStatus);
    }

    @Test
    void replicasWithAnEarlyReaderExitEndPromptly() {
        assertEquals(0, shell.run("true"));
        shell.service("pass", "cat");
        long start = System.nanoTime();
        assertEquals(0, shell.run("PIPES_BLOCK_SIZE=1000; yes | pass@2 | head -n 3"));
        assertEquals("y\ny\ny\n", shell.out());
        assertTrue(System.nanoTime() - start < 10_000_000_000L);
    }

    @Test
    void killingABackgroundPipelineLeavesNoProcessBehind() throws Exception {
        // each stage's process writes its pid once it runs: the test waits for that, not for a time
        Path pids = dir.resolve("pids");
        shell.service("forever", "echo $$ >> '" + pids + "'; exec yes line");
        shell.service("slowreader", "echo $$ >> '" + pids + "'; while read -r line; do sleep 0.01; done");
        Set<Long> before = descendants();
        assertEquals(0, shell.run("forever | slowreader | sh -c 'echo $$ >> " + pids + "; exec cat' > /dev/null &"));
        awaitTrue(() -> lines(pids).size() == 3, "the three stages' processes did not all start: " + lines(pids));
        // the pipeline's processes: the ones that wrote their pid, and whatever else it started meanwhile
        Set<Long> pipeline = new java.util.HashSet<>(newProcesses(before));
        for (String pid : lines(pids)) pipeline.add(Long.parseLong(pid.strip()));
        assertEquals(0, shell.run("kill %1"));
        assertEquals(143, shell.run("wait %1"));
        // a process the cancel missed would live on (yes never ends); a reaped one goes at once
        awaitTrue(() -> alive(pipeline).isEmpty(), "");
        assertEquals(List.of(), alive(pipeline), "processes the killed pipeline left behind");
    }

    private static List<String> alive(Set<Long> pids) {
        return pids.stream().map(ProcessHandle::of).flatMap(java.util.Optional::stream).filter(ProcessHandle::isAlive)
                .map(h -> h.pid() + " " + h.info().commandLine().orElse("?")).toList();
    }

    private static List<String> lines(Path file) {
        return java.nio.file.Files.exists(file) ? readLines(file).stream().filter(l -> !l.isBlank()).toList() : List.of();
    }

    /** Waits for {@code condition}; the deadline is only a safety net against a hang. */
    private static void awaitTrue(java.util.function.BooleanSupplier condition, String message) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) Thread.sleep(20);
        if (!message.isEmpty()) assertTrue(condition.getAsBoolean(), message);
    }

    @Test
    void replicasRunTheirBlocksAtTheSameTime() {
        // each block's run (a process of its own) logs its pid and when it starts and ends
        shell.service("sleepy", "echo \"start $$ $(date +%s%N)\" >&2; sleep 0.3; cat; echo \"end $$ $(date +%s%N)\" >&2");
        assertEquals(0, shell.run("PIPES_BLOCK_SIZE=10; seq 1 20 | sleepy@2 2>log.txt | wc -l"));
        assertEquals("20", shell.out().strip());
        java.util.Map<String, long[]> byPid = new java.util.HashMap<>();
        for (String line : readLines(dir.resolve("log.txt"))) {
            String[] words = line.split(" ");
            long[] run = byPid.computeIfAbsent(words[1], pid -> new long[2]);
            run[words[0].equals("start") ? 0 : 1] = Long.parseLong(words[2]);
        }
        List<long[]> runs = List.copyOf(byPid.values());
        assertTrue(runs.size() >= 4, "runs: " + runs.size());
        boolean overlap = false;
        for (long[] a : runs) for (long[] b : runs) if (a != b && a[0] < b[1] && b[0] < a[1]) overlap = true;
        assertTrue(overlap, "no two block runs overlapped");
    }

    private static List<String> readLines(Path file) {
        try {
            return java.nio.file.Files.readAllLines(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void manySmallBlocksReuseEachReplicaAtOnce() {
        // a replica's next run is called the moment its previous run answers
        shell.service("pass", "cat");
        assertEquals(0, shell.run("PIPES_BLOCK_SIZE=1; seq 1 100 | pass@2 | cat"), shell.err());
        assertEquals(numbers(100), shell.out());
    }

    @Test
    void blocksWhoseRunFailsAreSkippedWithoutHanging() throws Exception {
        shell.service("gone", "cat");
        java.nio.file.Files.delete(dir.resolve("gone.sh"));
        assertEquals(0, shell.run("PIPES_BLOCK_SIZE=4; seq 1 20 | gone@2 | wc -l"));
        assertEquals("0", shell.out().strip());
        assertEquals(126, shell.state().pipeStatus.get(1));
        assertTrue(shell.err().contains("cannot execute"), shell.err());
    }

    private static Set<Long> descendants() {
        return ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).map(ProcessHandle::pid)
                .collect(Collectors.toSet());
    }

    private static Set<Long> newProcesses(Set<Long> before) {
        Set<Long> now = descendants();
        now.removeAll(before);
        return now;
    }

    private static String md5(String text) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("MD5").digest(text.getBytes());
            return java.util.HexFormat.of().formatHex(digest);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
