package dev.pipes.engine.interp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pipes.engine.plan.ServiceRoute;
import dev.pipes.engine.service.ServiceRegistry;
import dev.pipes.engine.service.ServiceRuntime;
import dev.pipes.engine.service.StageIo;
import dev.pipes.engine.world.Channel;
import dev.pipes.engine.world.FdTable;
import dev.pipes.engine.world.ProcessLauncher;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The one place where services plug in: a name the ServiceRuntime knows resolves after builtins and
 * before PATH, plans as a service stage joined over WAMP, and starts through the same runtime with
 * its joints as streams. Here a runtime in memory plays a service that upper-cases its input.
 */
class ServiceSeamTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    /** Knows {@code upper} and {@code tr}; runs each stage on its own, reading and writing the shell's streams. */
    private static final class UpperRuntime implements ServiceRuntime {
        @Override
        public Optional<String> lookup(String name) {
            return name.equals("upper") || name.equals("tr") ? Optional.of("svc-" + name) : Optional.empty();
        }

        @Override
        public ServiceRoute route(String reference, boolean fuse) {
            return ServiceRoute.agent("memory", 2);
        }

        @Override
        public ServiceRegistry registry() {
            throw new UnsupportedOperationException();
        }

        @Override
        public Started start(List<StageRequest> stages, Path cwd, Map<String, String> environment, Consumer<String> errors) {
            List<CompletableFuture<Integer>> statuses = new ArrayList<>();
            for (StageRequest stage : stages) {
                InputStream in = ((StageIo.FromStream) stage.io().stdin()).in();
                OutputStream o = ((StageIo.ToStream) stage.io().stdout()).out();
                statuses.add(CompletableFuture.supplyAsync(() -> {
                    try (in) {
                        o.write(new String(in.readAllBytes(), StandardCharsets.UTF_8).toUpperCase().getBytes(StandardCharsets.UTF_8));
                        o.write((stage.reference() + " " + stage.argv() + "\n").getBytes(StandardCharsets.UTF_8));
                        o.close();
                        return 0;
                    } catch (IOException x) {
                        return 1;
                    }
                }));
            }
            return new Started(statuses, CompletableFuture.allOf(statuses.toArray(CompletableFuture[]::new)), () -> { });
        }
    }

    private FdTable fds() {
        return FdTable.of(Channel.Stream.reading(InputStream.nullInputStream(), "in"),
                Channel.Stream.writing(out, "out"), Channel.Stream.writing(err, "err"));
    }

    private Interpreter shell() {
        return new Interpreter(new ShellState(Map.of("PATH", "/usr/bin:/bin"), dir, fds(), ProcessLauncher.os(), new UpperRuntime()));
    }

    @Test
    void aServiceStageRunsBetweenLocalCommandsAndBuiltins() {
        Interpreter shell = shell();
        assertEquals(0, shell.runText("echo hello | upper -x | cat", "t"), err.toString(StandardCharsets.UTF_8));
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
        assertTrue(plan.contains("2. service svc-upper argv=[upper] runs as memory"), plan);
        assertEquals(2, plan.split("WAMP", -1).length - 1, plan);
    }

    @Test
    void withoutServicesBuildAndServicesSaySoOnce() {
        Interpreter shell = new Interpreter(new ShellState(Map.of(), dir, fds(), ProcessLauncher.os(), ServiceRuntime.none()));
        assertEquals(1, shell.runText("build x /bin/true", "t"));
        assertEquals(1, shell.runText("services", "t"));
        assertEquals(127, shell.runText("x", "t"));
        assertEquals(List.of("pipesh:1:1: build: services are not available in this shell",
                        "pipesh:1:1: services: services are not available in this shell", "pipesh: x: command not found"),
                err.toString(StandardCharsets.UTF_8).lines().toList());
    }
}
