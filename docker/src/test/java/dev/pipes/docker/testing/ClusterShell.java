package dev.pipes.docker.testing;

import dev.pipes.engine.interp.Interpreter;
import dev.pipes.engine.interp.ShellState;
import dev.pipes.engine.service.ServiceRuntime;
import dev.pipes.engine.verbs.PipesVerb;
import dev.pipes.engine.verbs.PipesVerbs;
import dev.pipes.engine.world.Channel;
import dev.pipes.engine.world.FdTable;
import dev.pipes.engine.world.ProcessLauncher;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A pipesh interpreter with the given services and verbs, in directory {@code dir}, its outputs captured. */
public final class ClusterShell {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final Interpreter interpreter;

    public ClusterShell(Path dir, Map<String, String> environment, ServiceRuntime services, List<PipesVerb> verbs) {
        FdTable fds = FdTable.of(Channel.Stream.reading(InputStream.nullInputStream(), "stdin"),
                Channel.Stream.writing(out, "stdout"), Channel.Stream.writing(err, "stderr"));
        ShellState state = new ShellState(new HashMap<>(environment), dir, fds, ProcessLauncher.os(), services);
        state.verbs = PipesVerbs.of(verbs);
        interpreter = new Interpreter(state);
    }

    /** The environment of a test shell: PATH, HOME and PIPES_HOME in {@code dir}. */
    public static Map<String, String> environment(Path dir) {
        Map<String, String> env = new HashMap<>();
        env.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        env.put("HOME", dir.toString());
        env.put("PIPES_HOME", dir.resolve("home").toString());
        return env;
    }

    public synchronized int run(String text) {
        return interpreter.runText(text, "test");
    }

    public String out() {
        synchronized (out) {
            return out.toString(StandardCharsets.UTF_8);
        }
    }

    public String err() {
        synchronized (err) {
            return err.toString(StandardCharsets.UTF_8);
        }
    }

    public void reset() {
        out.reset();
        err.reset();
    }
}
