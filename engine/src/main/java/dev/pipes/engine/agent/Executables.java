package dev.pipes.engine.agent;

import dev.pipes.engine.stream.StreamProtocol;
import dev.pipes.engine.world.FdStreams;
import dev.pipes.engine.world.NativeIo;
import dev.pipes.engine.world.NativeProcess;
import dev.pipes.engine.world.ProcessLauncher;
import dev.pipes.grammar.text.ShellBytes;
import dev.pipes.wamp.client.WampException;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.List;

/** Starts a run's executable with the working directory and environment the request asks for. */
final class Executables {
    private Executables() {}

    static Process start(RunRequest request, List<String> argv, boolean stdinFromNull) {
        if (hasRawBytes(request, argv) && NativeIo.available()) return startNatively(request, argv, stdinFromNull);
        ProcessBuilder builder = new ProcessBuilder(argv);
        if (request.cwd() != null) builder.directory(new File(request.cwd()));
        if (request.environment() != null) {
            builder.environment().clear();
            builder.environment().putAll(request.environment());
        }
        if (stdinFromNull) builder.redirectInput(new File("/dev/null"));
        try {
            return builder.start();
        } catch (IOException e) {
            String reason = String.valueOf(e.getMessage()).replaceFirst("^.*error=\\d+, ", "");
            throw new WampException(StreamProtocol.ERROR_EXEC, "cannot execute " + argv.get(0) + ": " + reason);
        }
    }

    private static boolean hasRawBytes(RunRequest request, List<String> argv) {
        if (argv.stream().anyMatch(ShellBytes::hasRawBytes)) return true;
        if (request.cwd() != null && ShellBytes.hasRawBytes(request.cwd())) return true;
        return request.environment() != null && request.environment().entrySet().stream()
                .anyMatch(e -> ShellBytes.hasRawBytes(e.getKey()) || ShellBytes.hasRawBytes(e.getValue()));
    }

    /**
     * Starts the run through posix_spawn, which takes bytes: ProcessBuilder would turn every byte
     * that is not valid in the JVM's charset into {@code ?}. Only used when the request holds such
     * bytes; the process's 0-2 are pipes, as ProcessBuilder's would be.
     */
    private static Process startNatively(RunRequest request, List<String> argv, boolean stdinFromNull) {
        Map<String, String> env = request.environment() != null ? request.environment() : System.getenv();
        try {
            FdStreams.Pipe in = stdinFromNull ? null : FdStreams.pipe();
            FdStreams.Pipe out = FdStreams.pipe();
            FdStreams.Pipe err = FdStreams.pipe();
            NativeIo.Source[] fds = new NativeIo.Source[3];
            fds[0] = in == null ? new NativeIo.Source.Open("/dev/null".getBytes(StandardCharsets.US_ASCII), NativeIo.O_RDONLY)
                    : new NativeIo.Source.Fd(in.source().fd());
            fds[1] = new NativeIo.Source.Fd(out.sink().fd());
            fds[2] = new NativeIo.Source.Fd(err.sink().fd());
            List<byte[]> args = argv.stream().map(ShellBytes::encode).toList();
            List<byte[]> envBytes = env.entrySet().stream().map(e -> ShellBytes.encode(e.getKey() + "=" + e.getValue())).toList();
            byte[] cwd = request.cwd() == null ? null : ShellBytes.encode(request.cwd());
            Process process;
            try {
                process = ProcessLauncher.NATIVE.spawn(new ProcessLauncher.Spawn(ShellBytes.encode(program(argv.get(0), env)),
                        args, envBytes, cwd, fds));
            } finally {
                if (in != null) in.source().close();
                out.sink().close();
                err.sink().close();
            }
            return ((NativeProcess) process).withStreams(in == null ? OutputStream.nullOutputStream() : in.sink(),
                    out.source(), err.source());
        } catch (IOException e) {
            String reason = String.valueOf(e.getMessage()).replaceFirst("^.*error=\\d+, ", "");
            throw new WampException(StreamProtocol.ERROR_EXEC, "cannot execute " + argv.get(0) + ": " + reason);
        }
    }

    /** The file to run for {@code name}: itself with a slash, else the first executable in PATH. */
    private static String program(String name, Map<String, String> env) {
        if (name.contains("/")) return name;
        for (String dir : env.getOrDefault("PATH", "/usr/local/bin:/usr/bin:/bin").split(":")) {
            if (dir.isEmpty()) continue;
            java.nio.file.Path candidate = java.nio.file.Path.of(dir, name);
            if (java.nio.file.Files.isRegularFile(candidate) && java.nio.file.Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        return name;
    }
}
