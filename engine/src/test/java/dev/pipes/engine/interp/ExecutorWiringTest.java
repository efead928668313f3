package dev.pipes.engine.interp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pipes.engine.world.Channel;
import dev.pipes.engine.world.FdTable;
import dev.pipes.engine.world.ProcessLauncher;
import dev.pipes.engine.service.ServiceRuntime;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How the executor wires processes, seen through a fake launcher that records each pipeline it is
 * asked to start: adjacent local commands are one startPipeline call (OS pipes), the shell's own
 * descriptors are inherited, files are redirects by path; nothing is copied through the JVM.
 */
class ExecutorWiringTest {
    @TempDir
    Path dir;

    private final List<List<ProcessBuilder>> started = new ArrayList<>();

    /** A process that does nothing and exits with 0. */
    private static final class NoProcess extends Process {
        public OutputStream getOutputStream() {
            return OutputStream.nullOutputStream();
        }

        public InputStream getInputStream() {
            return new ByteArrayInputStream("fake\n".getBytes(StandardCharsets.UTF_8));
        }

        public InputStream getErrorStream() {
            return InputStream.nullInputStream();
        }

        public int waitFor() {
            return 0;
        }

        public int exitValue() {
            return 0;
        }

        public void destroy() {}

        @Override
        public long pid() {
            return 4242;
        }
    }

    private final ProcessLauncher fake = builders -> {
        started.add(List.copyOf(builders));
        List<Process> processes = new ArrayList<>();
        for (int i = 0; i < builders.size(); i++) processes.add(new NoProcess());
        return processes;
    };

    private int run(String text, FdTable fds) {
        ShellState state = new ShellState(Map.of("PATH", "/usr/bin:/bin"), dir, fds, fake, ServiceRuntime.none());
        return new Interpreter(state).runText(text, "test");
    }

    @Test
    void adjacentLocalCommandsAreOnePipelineOnTheShellsOwnDescriptors() {
        assertEquals(0, run("cat data | tr a-z A-Z | wc -c", FdTable.nativeStdio()));
        assertEquals(1, started.size());
        List<ProcessBuilder> pipeline = started.get(0);
        assertEquals(List.of("cat", "data"), pipeline.get(0).command(), "argv[0] is the name as typed");
        assertEquals(3, pipeline.size());
        assertEquals(Redirect.INHERIT, pipeline.get(0).redirectInput());
        assertEquals(Redirect.PIPE, pipeline.get(0).redirectOutput());
        assertEquals(Redirect.PIPE, pipeline.get(2).redirectInput());
        assertEquals(Redirect.INHERIT, pipeline.get(2).redirectOutput());
        for (ProcessBuilder builder : pipeline) {
            assertEquals(Redirect.INHERIT, builder.redirectError());
            assertEquals(dir.toFile(), builder.directory());
        }
    }

    @Test
    void fileRedirectionsArePathsGivenToTheProcess() throws Exception {
        java.nio.file.Files.writeString(dir.resolve("in.txt"), "b\na\n");
        run("sort < in.txt > out.txt 2>&1", FdTable.nativeStdio());
        ProcessBuilder sort = started.get(0).get(0);
        assertEquals(Redirect.Type.READ, sort.redirectInput().type());
        assertEquals(dir.resolve("in.txt").toFile(), sort.redirectInput().file());
        assertEquals(Redirect.Type.APPEND, sort.redirectOutput().type());
        assertEquals(dir.resolve("out.txt").toFile(), sort.redirectOutput().file());
        assertTrue(sort.redirectErrorStream(), "2>&1 merges stderr into the same file");
    }

    @Test
    void aBuiltinSplitsThePipelineAndTalksThroughStreams() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        FdTable fds = FdTable.of(Channel.Stream.reading(InputStream.nullInputStream(), "in"),
                Channel.Stream.writing(out, "out"), Channel.Stream.writing(OutputStream.nullOutputStream(), "err"));
        run("cat a | cat | read x | cat", fds);
        assertEquals(2, started.size(), "one segment before the builtin, one after");
        assertEquals(2, started.get(0).size());
        assertEquals(1, started.get(1).size());
        assertEquals(Redirect.PIPE, started.get(1).get(0).redirectInput());
        assertEquals("fake\n", out.toString(StandardCharsets.UTF_8), "the last process's output is copied to the captured stream");
    }

    @Test
    void theEnvironmentIsTheExportedVariablesAndPrefixAssignments() {
        run("export A=1; B=2; C=3 env", FdTable.nativeStdio());
        Map<String, String> env = started.get(0).get(0).environment();
        assertEquals("1", env.get("A"));
        assertEquals(null, env.get("B"));
        assertEquals("3", env.get("C"));
        assertEquals(dir.toString(), env.get("PWD"));
    }
}
