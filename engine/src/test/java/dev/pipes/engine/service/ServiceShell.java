package dev.pipes.engine.service;

import dev.pipes.engine.interp.Interpreter;
import dev.pipes.engine.interp.ShellState;
import dev.pipes.engine.runtime.LocalProcessRuntime;
import dev.pipes.engine.world.Channel;
import dev.pipes.engine.world.FdTable;
import dev.pipes.engine.world.ProcessLauncher;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;

/** A pipesh interpreter with embedded services in a temporary $PIPES_HOME, its outputs captured. */
final class ServiceShell implements AutoCloseable {
    final Path dir;
    final Services services;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final Interpreter interpreter;

    ServiceShell(Path dir) {
        this(dir, true);
    }

    /** With {@code fuse} false the shell runs with PIPES_FUSE=0: every service stage through its agent. */
    ServiceShell(Path dir, boolean fuse) {
        this(dir, LocalProcessRuntime.Link.WEBSOCKET, InputStream.nullInputStream(), null, fuse);
    }

    ServiceShell(Path dir, LocalProcessRuntime.Link link, InputStream in, OutputStream stdout) {
        this(dir, link, in, stdout, true);
    }

    ServiceShell(Path dir, LocalProcessRuntime.Link link, InputStream in, OutputStream stdout, boolean fuse) {
        this.dir = dir;
        this.services = new Services(new ServiceRegistry(new FileConfigStore(dir.resolve("home/store"))), link);
        Map<String, String> env = new HashMap<>();
        env.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        env.put("HOME", dir.toString());
        env.put("PIPES_HOME", dir.resolve("home").toString());
        if (!fuse) env.put(ServiceRuntime.FUSE_VARIABLE, "0");
        OutputStream target = stdout == null ? out : stdout;
        FdTable fds = FdTable.of(Channel.Stream.reading(in, "stdin"), Channel.Stream.writing(target, "stdout"),
                Channel.Stream.writing(err, "stderr"));
        ShellState state = new ShellState(env, dir, fds, ProcessLauncher.os(), services);
        this.interpreter = new Interpreter(state);
    }

    static ServiceShell withInput(Path dir, String input, boolean fuse) {
        return new ServiceShell(dir, LocalProcessRuntime.Link.WEBSOCKET,
                new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), null, fuse);
    }

    int run(String text) {
        return interpreter.runText(text, "test");
    }

    ShellState state() {
        return interpreter.state();
    }

    String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    void resetOutput() {
        out.reset();
        err.reset();
    }

    /** Writes an executable shell script {@code name} in the test directory and returns its path. */
    Path script(String name, String body) {
        Path file = dir.resolve(name);
        try {
            Files.writeString(file, "#!/bin/sh\n" + body + "\n");
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** Writes a script and builds it as service {@code name} (extra build options after the path). */
    void service(String name, String body, String... options) {
        script(name + ".sh", body);
        int status = run("build " + name + " ./" + name + ".sh " + String.join(" ", options));
        if (status != 0) throw new IllegalStateException("build " + name + " failed: " + err());
        resetOutput();
    }

    /**
     * Builds service {@code name} whose agent is pipes' own agent as a process of its own (a JVM
     * running StageAgentMain, as a container would), wrapping a script with {@code body}.
     */
    void agentProcessService(String name, String body, String... options) {
        Path tool = script(name + "-tool.sh", body);
        String java = ProcessHandle.current().info().command().orElse("java");
        Path agent = dir.resolve(name + "-agent.sh");
        try {
            Files.writeString(agent, "#!/bin/sh\nexec '" + java + "' --enable-native-access=ALL-UNNAMED -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xshare:auto -cp '"
                    + System.getProperty("java.class.path") + "' " + dev.pipes.engine.agent.StageAgentMain.class.getName()
                    + " '" + tool + "'\n");
            Files.setPosixFilePermissions(agent, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int status = run("build " + name + " ./" + name + "-agent.sh --agent native " + String.join(" ", options));
        if (status != 0) throw new IllegalStateException("build " + name + " failed: " + err());
        resetOutput();
    }

    @Override
    public void close() {
        services.close();
    }
}
