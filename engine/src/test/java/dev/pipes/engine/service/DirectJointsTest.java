package dev.pipes.engine.service;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pipes.wamp.router.RouterCounters;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The topology of protocol 2: with agents that are processes of their own (as in a cluster), the
 * bytes of every joint go from the writer straight to the reader's endpoint. The central router
 * carries the control only (ready, run, registrations): not one byte of data-call payload, while
 * 64 MiB cross three services, with and without replicas.
 */
@Timeout(180)
class DirectJointsTest {
    static final int SIZE = 64 << 20;

    @TempDir
    Path dir;
    ServiceShell shell;
    byte[] data;

    @BeforeEach
    void setUp() throws Exception {
        shell = new ServiceShell(dir);
        shell.agentProcessService("pass", "exec cat");
        data = new byte[SIZE];
        SplittableRandom random = new SplittableRandom(11);
        for (int i = 0; i < SIZE; i++) data[i] = (byte) random.nextInt(256);
        Files.write(dir.resolve("blob"), data);
    }

    @AfterEach
    void tearDown() {
        shell.close();
    }

    private void assertOnlyControlCrossedTheCentralRouter(String pipeline) throws Exception {
        shell.run("true"); // the embedded plane is up before the counters are read
        RouterCounters.Snapshot before = shell.services.plane().controlRouter().counters().snapshot();
        assertEquals(0, shell.run("PIPES_FUSE=0; " + pipeline), shell.err());
        assertArrayEquals(data, Files.readAllBytes(dir.resolve("copy")), "bytes differ");
        RouterCounters.Snapshot after = shell.services.plane().controlRouter().counters().snapshot();
        assertEquals(0, after.binaryBytes() - before.binaryBytes(), "data-call payload through the central router: " + after);
        long calls = after.calls() - before.calls();
        assertTrue(calls < 20, "the central router carried " + calls + " calls: more than control");
    }

    @Test
    void threeServicesStreamAgentToAgentNeverThroughTheCentralRouter() throws Exception {
        assertOnlyControlCrossedTheCentralRouter("pass < blob | pass | pass > copy");
        assertEquals(List.of(0, 0, 0), shell.state().pipeStatus);
    }

    @Test
    void replicasGetTheirBlocksStraightFromTheirWriters() throws Exception {
        assertOnlyControlCrossedTheCentralRouter("PIPES_BLOCK_SIZE=1000000; pass < blob | pass@2 | pass@3 > copy");
        assertEquals(List.of(0, 0, 0), shell.state().pipeStatus);
    }

    @Test
    void anAgentServiceBesideAFusedServiceAndALocalCommand() throws Exception {
        // the agent's output goes to a fused service, which an OS pipe joins to sort: the fused
        // service starts with sort (as a local process), not with the agent's run
        shell.service("rev", "rev");
        assertEquals(0, shell.run("printf 'hello\\nworld\\n' | pass | rev | sort"), shell.err());
        assertEquals("dlrow\nolleh\n", shell.out());
        assertEquals(List.of(0, 0, 0, 0), shell.state().pipeStatus);
    }
}
