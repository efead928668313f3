package dev.pipes.engine.service;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A stage written with autobahn-python (a WAMP client nobody on the team wrote), following only
 * docs/protocol.md, runs in a pipeline between pipes' own services and local commands: as a
 * protocol 1 stage everything it reads and writes goes through the central router; as a protocol 2
 * writer it calls the next stage's announced endpoint directly.
 */
@Timeout(120)
class AutobahnStageIT {
    @TempDir
    Path dir;

    @BeforeAll
    static void needsAutobahn() {
        Prerequisites.require(Prerequisites.runs("/usr/bin/python3", "-c", "import autobahn.asyncio.component, msgpack"),
                "python3-autobahn (Debian package, for /usr/bin/python3)");
    }

    private void installStage(ServiceShell shell) throws IOException {
        Path stage = dir.resolve("upper_stage.py");
        try (InputStream in = getClass().getResourceAsStream("/stages/upper_stage.py")) {
            Files.copy(in, stage);
        }
        Files.setPosixFilePermissions(stage, PosixFilePermissions.fromString("rwxr-xr-x"));
        assertEquals(0, shell.run("build pyupper ./upper_stage.py --agent native --description 'autobahn-python'"),
                shell.err());
        shell.resetOutput();
    }

    private static byte[] upper(byte[] data) {
        byte[] expected = data.clone();
        for (int i = 0; i < expected.length; i++) {
            if (expected[i] >= 'a' && expected[i] <= 'z') expected[i] -= 32;
        }
        return expected;
    }

    private long centralBinaryBytes(ServiceShell shell) {
        return shell.services.plane().controlRouter().counters().snapshot().binaryBytes();
    }

    @Test
    void anAutobahnStageRunsBetweenServicesAndLocalCommands() throws IOException {
        try (ServiceShell shell = new ServiceShell(dir)) {
            installStage(shell);
            shell.service("rev", "rev");
            assertEquals(0, shell.run("printf 'hello\\nworld\\n' | pyupper | rev | sort"), shell.err());
            assertEquals("DLROW\nOLLEH\n", shell.out());
            assertEquals(List.of(0, 0, 0, 0), shell.state().pipeStatus);
        }
    }

    @Test
    void binaryDataCrossesTheAutobahnStageByteExact() throws IOException {
        byte[] data = new byte[4 * 1024 * 1024 + 3];
        new Random(7).nextBytes(data);
        Files.write(dir.resolve("blob"), data);
        try (ServiceShell shell = new ServiceShell(dir)) {
            installStage(shell);
            shell.service("pass", "cat");
            long before = centralBinaryBytes(shell);
            assertEquals(0, shell.run("pass < blob | pyupper | pass > out"), shell.err());
            assertArrayEquals(upper(data), Files.readAllBytes(dir.resolve("out")));
            // it serves no endpoint and writes through the central router: its input and its output cross it
            assertEquals(2L * data.length, centralBinaryBytes(shell) - before);
        }
    }

    @Test
    void anAutobahnWriterCallsTheAnnouncedEndpointOfTheNextStage() throws IOException {
        byte[] data = new byte[3 * 1024 * 1024 + 5];
        new Random(8).nextBytes(data);
        Files.write(dir.resolve("blob"), data);
        try (ServiceShell shell = new ServiceShell(dir)) {
            installStage(shell);
            shell.script("upper_direct.sh", "UPPER_STAGE_DIRECT=1 exec /usr/bin/python3 '" + dir.resolve("upper_stage.py") + "'");
            assertEquals(0, shell.run("build pydirect ./upper_direct.sh --agent native"), shell.err());
            shell.agentProcessService("pass", "exec cat"); // pipes' agent in a process of its own: it announces an endpoint
            shell.resetOutput();
            long before = centralBinaryBytes(shell);
            assertEquals(0, shell.run("pydirect < blob | pass > out"), shell.err());
            assertArrayEquals(upper(data), Files.readAllBytes(dir.resolve("out")));
            // only its input (it has no endpoint) crossed the central router; its output went to pass's endpoint
            assertEquals((long) data.length, centralBinaryBytes(shell) - before);
        }
    }
}
