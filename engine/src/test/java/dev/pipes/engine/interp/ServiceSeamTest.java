package dev.pipes.engine.interp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pipes.engine.world.Channel;
import dev.pipes.engine.world.FdTable;
import dev.pipes.engine.world.ProcessLauncher;
import dev.pipes.engine.world.ServiceDirectory;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The place where services plug in: a name the ServiceDirectory knows resolves after builtins and
 * before PATH, plans as a service stage joined over WAMP, and runs through the ServiceRuntime with
 * its joints as streams. Here an in-memory runtime plays a service that upper-cases its input.
 */
class ServiceSeamTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private Interpreter shell() {
        FdTable fds = FdTable.of(Channel.Stream.reading(InputStream.nullInputStream(), "in"),
                Channel.Stream.writing(out, "out"), Channel.Stream.writing(err, "err"));
        ServiceDirectory directory = name -> name.equals("upper") || name.equals("tr") ? Optional.of("svc-" + name) : Optional.empty();
        ShellState state = new ShellState(Map.of("PATH", "/usr/bin:/bin"), dir, fds, ProcessLauncher.os(), directory);
        state.serviceRuntime = (service, argv, in, o, e) -> CompletableFuture.supplyAsync(() -> {
            try (in; o) {
                o.write(new String(in.readAllBytes(), StandardCharsets.UTF_8).toUpperCase().getBytes(StandardCharsets.UTF_8));
                o.write((service + " " + argv + "\n").getBytes(StandardCharsets.UTF_8));
                return 0;
            } catch (IOException x) {
                return 1;
            }
        });
        return new Interpreter(state);
    }

    @Test
    void aServiceStageRunsBetweenLocalCommandsAndBuiltins() {
        Interpreter shell = shell();
        assertEquals(0, shell.runText("echo hello | upper -x | cat", "t"));
        assertEquals("HELLO\nsvc-upper [upper, -x]\n", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void servicesComeAfterFunctionsAndBuiltinsAndBeforePath() {
        Interpreter shell = shell();
        shell.runText("type -t upper tr echo; tr() { echo function; }; tr", "t");
        assertEquals("service\nservice\nbuiltin\nfunction\n", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void explainShowsServiceStagesAndWampJoints() {
        Interpreter shell = shell();
        shell.runText("explain 'seq 3 | upper | wc -l'", "t");
        String plan = out.toString(StandardCharsets.UTF_8);
        assertTrue(plan.contains("2. service svc-upper argv=[upper]"), plan);
        assertEquals(2, plan.split("WAMP stream", -1).length - 1, plan);
    }

    @Test
    void withoutARuntimeAServiceFailsClearly() {
        FdTable fds = FdTable.of(Channel.Stream.reading(InputStream.nullInputStream(), "in"),
                Channel.Stream.writing(out, "out"), Channel.Stream.writing(err, "err"));
        Interpreter shell = new Interpreter(new ShellState(Map.of(), dir, fds, ProcessLauncher.os(), name -> Optional.of(name)));
        assertEquals(127, shell.runText("anything", "t"));
        assertEquals(List.of("pipesh: anything: services are not available in this shell"),
                err.toString(StandardCharsets.UTF_8).lines().toList());
    }
}
