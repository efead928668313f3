package dev.pipes.engine.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pipes.engine.service.FileConfigStore;
import dev.pipes.engine.service.ServiceRegistry;
import dev.pipes.engine.service.ServiceSpec;
import dev.pipes.engine.service.Services;
import dev.pipes.engine.interp.Interpreter;
import dev.pipes.engine.interp.ShellState;
import dev.pipes.engine.runtime.LocalProcessRuntime;
import dev.pipes.engine.world.Channel;
import dev.pipes.engine.world.FdTable;
import dev.pipes.engine.world.ProcessLauncher;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** pipes' agent run as a process of its own (as in a container), started by the runtime as a native agent. */
@Timeout(90)
class StageAgentMainTest {
    @TempDir
    Path dir;

    @Test
    void aStandaloneAgentWrapsItsExecutableInAPipeline() throws Exception {
        Path tool = executable("tool.sh", "#!/bin/sh\ntr a-z A-Z\n");
        String java = ProcessHandle.current().info().command().orElse("java");
        Path agent = executable("agent.sh", "#!/bin/sh\nexec '" + java + "' --enable-native-access=ALL-UNNAMED -XX:TieredStopAtLevel=1 -cp '"
                + System.getProperty("java.class.path") + "' " + StageAgentMain.class.getName() + " '" + tool + "'\n");
        Services services = new Services(new ServiceRegistry(new FileConfigStore(dir.resolve("store"))),
                LocalProcessRuntime.Link.WEBSOCKET);
        services.registry().build(new ServiceSpec("up", agent, RunRequest.InputMode.STDIN, 1, "", true));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ShellState state = new ShellState(Map.of("PATH", "/usr/bin:/bin"), dir, FdTable.of(
                Channel.Stream.reading(InputStream.nullInputStream(), "in"), Channel.Stream.writing(out, "out"),
                Channel.Stream.writing(err, "err")), ProcessLauncher.os(), services);
        try {
            assertEquals(0, new Interpreter(state).runText("echo standalone | up | rev", "test"),
                    err.toString(StandardCharsets.UTF_8));
            assertEquals("ENOLADNATS\n", out.toString(StandardCharsets.UTF_8));
        } finally {
            services.close();
        }
    }

    @Test
    void withoutItsEnvironmentTheAgentSaysWhatIsMissing() {
        assertEquals(2, StageAgentMain.run(new String[0]));
    }

    private Path executable(String name, String text) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }
}
