package dev.pipes.engine.world;

import java.io.IOException;
import java.util.List;

/**
 * Starts operating-system processes. The executor describes each process with a ProcessBuilder
 * (argv, working directory, environment, redirects); adjacent builders are joined by real OS pipes,
 * so a pipeline of local commands moves no byte through the JVM. A launcher that
 * {@link #spawnsNatively() spawns natively} is given a {@link Spawn} instead: the exact bytes of
 * argv and environment and any descriptors 0-9 (what ProcessBuilder cannot give).
 */
public interface ProcessLauncher {
    /** Starts the builders as one pipeline (stdout of each to stdin of the next), in order. */
    List<Process> startPipeline(List<ProcessBuilder> builders) throws IOException;

    /** Whether {@link #spawn} is how this launcher starts processes. */
    default boolean spawnsNatively() {
        return false;
    }

    /** Starts one process as described; only when {@link #spawnsNatively()}. */
    default Process spawn(Spawn spawn) throws IOException {
        throw new UnsupportedOperationException("this launcher starts processes through ProcessBuilder");
    }

    /**
     * A process to start: the file to run, argv (argv[0] as typed), the environment as
     * {@code NAME=value} entries, the working directory, and descriptor {@code t}'s source in
     * {@code fds[t]} (null: closed). All as bytes, so nothing is lost to the JVM's charset.
     */
    record Spawn(byte[] path, List<byte[]> argv, List<byte[]> env, byte[] cwd, NativeIo.Source[] fds) {}

    /** The launcher of this machine: posix_spawn where {@link NativeIo#available()}, ProcessBuilder elsewhere. */
    static ProcessLauncher os() {
        return NativeIo.available() ? NATIVE : PROCESS_BUILDER;
    }

    /** ProcessBuilder only (descriptors 0-2, argv in the JVM's charset). */
    ProcessLauncher PROCESS_BUILDER = builders ->
            builders.size() == 1 ? List.of(builders.get(0).start()) : ProcessBuilder.startPipeline(builders);

    ProcessLauncher NATIVE = new ProcessLauncher() {
        @Override
        public List<Process> startPipeline(List<ProcessBuilder> builders) throws IOException {
            return PROCESS_BUILDER.startPipeline(builders);
        }

        @Override
        public boolean spawnsNatively() {
            return true;
        }

        @Override
        public Process spawn(Spawn spawn) throws IOException {
            int pid;
            try {
                pid = NativeIo.spawn(spawn.path(), spawn.argv(), spawn.env(), spawn.cwd(), spawn.fds());
            } catch (NativeIo.SpawnException e) {
                if (e.errno != NativeIo.ENOEXEC) throw e;
                // a file without #! (or any format the kernel knows) is a shell script, as sh runs it
                List<byte[]> argv = new java.util.ArrayList<>();
                argv.add(spawn.argv().get(0));
                argv.add(spawn.path());
                argv.addAll(spawn.argv().subList(1, spawn.argv().size()));
                pid = NativeIo.spawn("/bin/sh".getBytes(java.nio.charset.StandardCharsets.US_ASCII), argv,
                        spawn.env(), spawn.cwd(), spawn.fds());
            }
            return new NativeProcess(pid);
        }
    };
}
