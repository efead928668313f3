package dev.pipes.engine.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pipes.engine.runtime.LocalProcessRuntime;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Service stages in pipelines, end to end, both ways: fused (executables joined by OS pipes, the
 * default) and with PIPES_FUSE=0 (each through its agent, over loopback WebSocket as in a cluster).
 */
@Timeout(60)
@ParameterizedClass(name = "fusion {0}")
@ValueSource(booleans = {true, false})
class ServicePipelineTest {
    @Parameter
    boolean fuse;
    @TempDir
    Path dir;
    ServiceShell shell;

    @BeforeEach
    void setUp() {
        shell = new ServiceShell(dir, fuse);
        shell.service("upper", "tr a-z A-Z");
        shell.service("rev", "rev");
        shell.service("number", "cat -n");
    }

    @AfterEach
    void tearDown() {
        shell.close();
    }

    @Test
    void threeServicesInARow() {
        assertEquals(0, shell.run("printf 'hello\\nworld\\n' | upper | rev | number"));
        assertEquals("     1\tOLLEH\n     2\tDLROW\n", shell.out());
        assertEquals(List.of(0, 0, 0, 0), shell.state().pipeStatus);
    }

    @Test
    void servicesMixWithLocalCommandsAndRedirections() throws Exception {
        Files.writeString(dir.resolve("in.txt"), "banana\napple\ncherry\n");
        assertEquals(0, shell.run("upper < in.txt | sort | rev > out.txt; cat out.txt | upper | head -n 2"));
        assertEquals("ELPPA\nANANAB\nYRREHC\n", Files.readString(dir.resolve("out.txt")));
        assertEquals("ELPPA\nANANAB\n", shell.out());
    }

    @Test
    void aServiceAloneReadsTheShellsInputAndWritesItsOutput() throws Exception {
        Files.createDirectories(dir.resolve("x"));
        ServiceShell withInput = ServiceShell.withInput(dir.resolve("x"), "from stdin\n", fuse);
        try (withInput) {
            withInput.service("up", "tr a-z A-Z");
            assertEquals(0, withInput.run("up"));
            assertEquals("FROM STDIN\n", withInput.out());
        }
    }

    @Test
    void argumentsOfAServiceStageReachTheExecutable() {
        shell.service("show", "printf '%s|' \"$@\"; echo");
        assertEquals(0, shell.run("show -x 'two words' z </dev/null"));
        assertEquals("-x|two words|z|\n", shell.out());
    }

    @Test
    void argsModeRunsTheExecutableOncePerLine() {
        shell.service("each", "echo \"got $# args: $*\"", "--input", "args");
        assertEquals(0, shell.run("printf 'a b\\n\\nc\\n' | each first"));
        assertEquals("got 3 args: first a b\ngot 2 args: first c\n", shell.out());
    }

    @Test
    void standardErrorIsShownPrefixedWithTheStageName() {
        shell.service("noisy", "echo 'something went wrong' >&2; cat");
        assertEquals(0, shell.run("echo data | noisy"));
        assertEquals("data\n", shell.out());
        assertEquals("noisy: something went wrong\n", shell.err());
    }

    @Test
    void aRedirectedStandardErrorIsNotPrefixed() throws Exception {
        shell.service("noisy", "echo oops >&2");
        assertEquals(0, shell.run("noisy 2> err.txt"));
        assertEquals("oops\n", Files.readString(dir.resolve("err.txt")));
        assertEquals("", shell.err());
    }

    @Test
    void exitStatusesShowInPipestatusAndUnderPipefail() {
        shell.service("three", "cat; exit 3");
        assertEquals(0, shell.run("echo a | three | upper"));
        assertEquals("A\n", shell.out());
        assertEquals(List.of(0, 3, 0), shell.state().pipeStatus);
        assertEquals(3, shell.run("set -o pipefail; echo a | three | upper"));
        assertEquals(1, shell.run("set -o pipefail; echo a | three | false"));
    }

    @Test
    void aServiceThatEndsItsOutputEarlyStopsItsWriters() {
        shell.service("forever", "yes line");
        long start = System.nanoTime();
        assertEquals(0, shell.run("forever | head -n 1"));
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertEquals("line\n", shell.out());
        assertEquals(141, shell.state().pipeStatus.get(0), "the service gets SIGPIPE like in sh");
        assertTrue(took.toMillis() < 5000, "took " + took);
    }

    @Test
    void aServiceThatStopsReadingStopsItsUpstreamService() {
        shell.service("forever", "yes line");
        shell.service("first", "head -n 2");
        assertEquals(0, shell.run("forever | first | upper"));
        assertEquals("LINE\nLINE\n", shell.out());
        assertEquals(List.of(141, 0, 0), shell.state().pipeStatus);
    }

    @Test
    void aStageKilledWithSigkillEndsThePipelineWithAMessageNamingIt() {
        shell.service("forever", "yes line");
        shell.service("victim", "head -c 100 >/dev/null; kill -9 $$");
        assertEquals(0, shell.run("forever | victim | upper"));
        assertEquals("", shell.out());
        assertEquals(137, shell.state().pipeStatus.get(1));
        assertTrue(shell.err().contains("victim: killed by SIGKILL"), shell.err());
    }

    @Test
    void anExecutableThatCannotRunFailsWith126() throws Exception {
        shell.service("gone", "cat");
        Files.delete(dir.resolve("gone.sh"));
        assertEquals(126, shell.run("echo x | gone"));
        assertTrue(shell.err().contains("gone: cannot execute"), shell.err());
    }

    @Test
    void explainShowsServiceStagesWhereTheyRunAndEachJointsKind() {
        assertEquals(0, shell.run("explain 'cat in.txt | upper | rev > out.txt'"));
        String plan = shell.out();
        String how = fuse ? "runs as a local process, fused" : "runs as a local process wrapped by a stage agent";
        assertTrue(plan.contains("2. service upper argv=[upper] " + how), plan);
        assertTrue(plan.contains("3. service rev"), plan);
        assertEquals(2, plan.split(fuse ? "\\| OS pipe \\(same host\\)" : "\\| WAMP, direct", -1).length - 1, plan);
        shell.resetOutput();
        shell.service("many", "cat", "--replicas", "2");
        assertEquals(0, shell.run("explain 'upper | many | sort'"));
        assertEquals(2, shell.out().split("\\| WAMP, direct", -1).length - 1, shell.out());
    }

    @Test
    void binaryDataPassesUnchanged() throws Exception {
        byte[] data = new byte[3 * 1024 * 1024 + 17];
        new java.util.Random(42).nextBytes(data);
        Files.write(dir.resolve("blob"), data);
        shell.service("pass", "cat");
        assertEquals(0, shell.run("pass < blob | pass | pass > copy"));
        assertTrue(java.util.Arrays.equals(data, Files.readAllBytes(dir.resolve("copy"))), "bytes differ");
    }

    @Test
    void buildAndServicesAsBuiltins() {
        assertEquals(0, shell.run("services"));
        assertEquals("NAME    INPUT  REPLICAS  AGENT    EXECUTABLE\n"
                + "number  stdin         1  wrapped  " + dir.resolve("number.sh") + "\n"
                + "rev     stdin         1  wrapped  " + dir.resolve("rev.sh") + "\n"
                + "upper   stdin         1  wrapped  " + dir.resolve("upper.sh") + "\n", shell.out());
        shell.resetOutput();
        assertEquals(2, shell.run("build upper nothing-here.sh"));
        assertEquals("pipesh:1:1: build: nothing-here.sh: no such file\nusage: " + BuildCommand.USAGE + "\n", shell.err());
        shell.resetOutput();
        assertEquals(0, shell.run("build upper ./rev.sh --description reversed; type upper; echo abc | upper"));
        assertEquals("rebuilt upper from " + dir.resolve("rev.sh") + "\nupper is a service\ncba\n", shell.out());
        shell.resetOutput();
        assertEquals(1, shell.run("services remove upper; type upper"), shell.err());
        assertTrue(shell.err().contains("upper: not found"), shell.err());
    }

    @Test
    void standardErrorJoinedToTheOutputGoesDownThePipe() {
        shell.service("noisy", "echo to-stderr >&2; echo to-stdout");
        assertEquals(0, shell.run("noisy 2>&1 | upper | sort"));
        assertEquals("TO-STDERR\nTO-STDOUT\n", shell.out());
        assertEquals("", shell.err());
    }

    @Test
    void explainSaysHowManyReplicasRun() {
        shell.service("many", "cat", "--replicas", "3");
        assertEquals(0, shell.run("explain 'many | upper@2'"));
        assertTrue(shell.out().contains("1. service many argv=[many] runs as 3 replicas, each a local process"), shell.out());
        assertTrue(shell.out().contains("2. service upper@2 argv=[upper@2] runs as 2 replicas"), shell.out());
    }

    @Test
    void aServiceNamedLikeABuiltinIsReachedWithTheAtSyntax() {
        shell.script("shout.sh", "tr a-z A-Z");
        assertEquals(0, shell.run("build echo ./shout.sh"));
        assertTrue(shell.err().contains("note: the builtin echo comes first"), shell.err());
        shell.resetOutput();
        assertEquals(0, shell.run("echo hi | echo@1"));
        assertEquals("HI\n", shell.out());
    }

    @Test
    void backgroundServicePipelinesRunSideBySide() throws Exception {
        Files.writeString(dir.resolve("a.txt"), "aaa\n");
        Files.writeString(dir.resolve("b.txt"), "bbb\n");
        assertEquals(0, shell.run("upper < a.txt > a.out & rev < b.txt | upper > b.out & number < a.txt > c.out & wait"));
        assertEquals("AAA\n", Files.readString(dir.resolve("a.out")));
        assertEquals("BBB\n", Files.readString(dir.resolve("b.out")));
        assertEquals("     1\taaa\n", Files.readString(dir.resolve("c.out")));
    }

    @Test
    void aFeederStillWaitingForInputStopsWhenThePipelineEnds() throws Exception {
        // the shell's input as a terminal would be: nothing typed yet, a read that waits
        TypedInput typed = new TypedInput();
        Files.createDirectories(dir.resolve("t"));
        try (ServiceShell withTerminal = new ServiceShell(dir.resolve("t"), LocalProcessRuntime.Link.WEBSOCKET, typed, null, fuse)) {
            withTerminal.service("ignores", "echo done");
            assertEquals(0, withTerminal.run("ignores"));
            assertEquals("done\n", withTerminal.out());
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (typed.readers.get() > 0 && System.nanoTime() < deadline) Thread.sleep(10);
            assertEquals(0, typed.readers.get(), "no feeder waits for input after the pipeline ended");
            typed.lines.add("the next command\n".getBytes(StandardCharsets.UTF_8));
            Thread.sleep(200);
            assertEquals(1, typed.lines.size(), "the line typed next is left for the shell");
        }
    }

    /** Input that arrives only when a test adds it; a waiting read ends when its thread is interrupted. */
    private static final class TypedInput extends InputStream {
        final BlockingQueue<byte[]> lines = new LinkedBlockingQueue<>();
        final AtomicInteger readers = new AtomicInteger();

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            readers.incrementAndGet();
            try {
                byte[] line = lines.take();
                int n = Math.min(len, line.length);
                System.arraycopy(line, 0, b, off, n);
                return n;
            } catch (InterruptedException e) {
                throw new InterruptedIOException("interrupted");
            } finally {
                readers.decrementAndGet();
            }
        }
    }
}
