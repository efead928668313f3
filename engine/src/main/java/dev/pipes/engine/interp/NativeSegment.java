package dev.pipes.engine.interp;

import dev.pipes.engine.plan.Stage;
import dev.pipes.engine.service.PrefixedLinesSink;
import dev.pipes.engine.world.Channel;
import dev.pipes.engine.world.FdStreams;
import dev.pipes.engine.world.FdTable;
import dev.pipes.engine.world.NativeIo;
import dev.pipes.engine.world.NativeStreams;
import dev.pipes.engine.world.ProcessGroup;
import dev.pipes.engine.world.ProcessLauncher;
import dev.pipes.engine.world.Redirections;
import dev.pipes.engine.world.StoppableInput;
import dev.pipes.grammar.text.ShellBytes;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Starts a run of adjacent local processes with {@code posix_spawn}, as a forking shell would:
 * each process gets its descriptors 0-9 themselves (the shell's own, a real pipe of an
 * in-process stage, a joint to the next process, a file opened by the child), so no byte it reads
 * passes through the JVM and a command in a compound stage reads exactly what it consumes.
 * Only a Java stream with no descriptor behind it (a captured output, a here-document, a file
 * the shell read part of) is joined through a pipe and a copying thread. argv, the environment
 * and file names go out as the exact bytes the shell holds ({@link ShellBytes}).
 */
final class NativeSegment {
    private static final int DESCRIPTORS = 10;
    private static final byte[] DEV_NULL = "/dev/null".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private final ShellState state;
    private final ProcessGroup group;
    private final Executor.PipeEnds ends;

    NativeSegment(ShellState state, ProcessGroup group, Executor.PipeEnds ends) {
        this.state = state;
        this.group = group;
        this.ends = ends;
    }

    /** What one process needs besides its descriptors: the threads that copy for it, what to close once it runs. */
    private static final class Wiring {
        final NativeIo.Source[] fds = new NativeIo.Source[DESCRIPTORS];
        final List<Runnable> afterSpawn = new ArrayList<>();
        final List<Runnable> copiers = new ArrayList<>(); // started once the process runs
        final List<Runnable> unused = new ArrayList<>(); // the shell's ends of those copies, when it did not start
        final List<Thread> feeders = new ArrayList<>();
        final List<InputStream> feeds = new ArrayList<>();
        final List<Thread> drains = new ArrayList<>();
        Channel.OpenFile consumedFile;
    }

    List<StageHandle> start(List<Stage> stages, List<Redirections.Applied> applied, Consumer<String> errors) {
        int n = stages.size();
        Map<Integer, FdStreams.Pipe> joints = new LinkedHashMap<>();
        List<StageHandle> handles = new ArrayList<>();
        List<Wiring> wirings = new ArrayList<>();
        List<Process> processes = new ArrayList<>();
        String[] serviceNames = new String[n];
        try {
            for (int k = 0; k + 1 < n; k++) {
                if (applied.get(k).table().get(1) instanceof Channel.PipeEnd end) joints.put(end.index(), FdStreams.pipe());
            }
        } catch (IOException e) {
            throw new ShellError("cannot create a pipe: " + e.getMessage());
        }
        for (int k = 0; k < n; k++) {
            Stage stage = stages.get(k);
            Wiring w = new Wiring();
            wirings.add(w);
            Process process = null;
            try {
                FdTable table = applied.get(k).table();
                boolean shownServiceErr = false;
                if (stage instanceof Stage.Service service) {
                    serviceNames[k] = service.service();
                    shownServiceErr = ServiceSegment.shown(table.get(2), state);
                }
                Map<Channel, NativeIo.Source> memo = new IdentityHashMap<>();
                for (int t = 0; t < DESCRIPTORS; t++) {
                    Channel channel = table.get(t);
                    if (t >= 3 && channel == null) continue;
                    if (t == 2 && shownServiceErr) {
                        OutputStream prefixed = new PrefixedLinesSink(serviceNames[k], ProcessSegment.errorOutput(channel)).asOutputStream();
                        w.fds[t] = drainInto(w, prefixed, true);
                        continue;
                    }
                    NativeIo.Source known = channel == null ? null : memo.get(channel);
                    w.fds[t] = known != null ? known : source(channel, t, joints, w);
                    if (channel != null && w.fds[t] != null) memo.put(channel, w.fds[t]);
                }
                process = state.launcher.spawn(spawnOf(stage, w.fds));
            } catch (IOException e) {
                String name = ProcessSegment.argv(stage).get(0);
                errors.accept(name + ": cannot execute: " + Redirections.reason(e).replaceFirst("^.*error=\\d+, ", ""));
            }
            processes.add(process);
            for (Runnable action : w.afterSpawn) action.run();
            for (Runnable action : process == null ? w.unused : w.copiers) action.run();
        }
        for (FdStreams.Pipe pipe : joints.values()) {
            pipe.source().close();
            pipe.sink().close();
        }
        for (int k = 0; k < n; k++) {
            Redirections.Applied files = applied.get(k);
            Process process = processes.get(k);
            Wiring w = wirings.get(k);
            if (process == null) {
                stopFeeding(w);
                files.close();
                handles.add(StageHandle.finished(126));
                continue;
            }
            group.add(process);
            handles.add(ProcessSegment.awaitExit(process, () -> stopFeeding(w), w.drains, w.consumedFile, files, group,
                    serviceNames[k], errors));
        }
        return handles;
    }

    private ProcessLauncher.Spawn spawnOf(Stage stage, NativeIo.Source[] fds) {
        List<String> argv = ProcessSegment.argv(stage);
        Map<String, String> env = new LinkedHashMap<>(state.variables.environment());
        String path;
        if (stage instanceof Stage.LocalCommand command) {
            env.putAll(command.assignments());
            String typed = command.argv().get(0);
            // a name with a slash is run as typed (relative to the working directory the child
            // changes to first), so that its bytes reach the system unchanged
            path = typed.contains("/") ? typed : command.executable().toString();
        } else {
            Stage.Service service = (Stage.Service) stage;
            path = service.route().localExecutable().toString(); // as its agent would run it
            argv = new ArrayList<>(argv);
            argv.set(0, path);
        }
        env.put("PWD", state.cwd.toString());
        List<byte[]> argvBytes = new ArrayList<>();
        for (String arg : argv) argvBytes.add(ShellBytes.encode(arg));
        List<byte[]> envBytes = new ArrayList<>();
        env.forEach((name, value) -> envBytes.add(ShellBytes.encode(name + "=" + value)));
        return new ProcessLauncher.Spawn(ShellBytes.encode(path), argvBytes, envBytes,
                ShellBytes.encode(state.cwd.toString()), fds);
    }

    /** What descriptor {@code t} of the process is, given what the command's table says. */
    private NativeIo.Source source(Channel channel, int t, Map<Integer, FdStreams.Pipe> joints, Wiring w)
            throws IOException {
        boolean input = t == 0;
        switch (channel) {
            case null -> {
                return new NativeIo.Source.Open(DEV_NULL, input ? NativeIo.O_RDONLY : NativeIo.O_WRONLY);
            }
            case Channel.Closed closed -> {
                return t < 3 ? new NativeIo.Source.Open(DEV_NULL, input ? NativeIo.O_RDONLY : NativeIo.O_WRONLY) : null;
            }
            case Channel.Native nat -> {
                return new NativeIo.Source.Fd(nat.fd());
            }
            case Channel.PipeEnd end -> {
                FdStreams.Pipe joint = joints.get(end.index());
                if (joint != null) return new NativeIo.Source.Fd(end.writeEnd() ? joint.sink().fd() : joint.source().fd());
                Channel.Stream stream = ends.stream(end);
                NativeIo.Source source = streamSource(stream, t, w);
                w.afterSpawn.add(() -> ends.close(end)); // the process holds it now; the shell lets go
                return source;
            }
            case Channel.Stream stream -> {
                return streamSource(stream, t, w);
            }
            case Channel.OpenFile file -> {
                byte[] path = ShellBytes.encode(file.path().toString());
                boolean reads = file.handle().in() != null;
                boolean writes = file.handle().out() != null;
                if (t >= 3) input = reads && !writes;
                if (reads && writes) return new NativeIo.Source.Open(path, NativeIo.O_RDWR);
                if (!input || writes) return new NativeIo.Source.Open(path, NativeIo.O_WRONLY | NativeIo.O_APPEND);
                // a FIFO opened again would wait for a writer that may be gone, and a file the
                // shell read part of continues where the shell stopped: both are fed from the open file
                if (file.handle().readPosition() == 0 && Files.isRegularFile(file.path())) {
                    w.consumedFile = file;
                    return new NativeIo.Source.Open(path, NativeIo.O_RDONLY);
                }
                return feedFrom(w, file.handle().in(), false);
            }
        }
    }

    private NativeIo.Source streamSource(Channel.Stream stream, int t, Wiring w) throws IOException {
        boolean input = t == 0 || (t >= 3 && stream.in() != null);
        if (input) {
            if (stream.in() == null) return new NativeIo.Source.Open(DEV_NULL, NativeIo.O_RDONLY);
            if (stream.in() instanceof FdStreams.OnDescriptor d && d.fd() >= 0) return new NativeIo.Source.Fd(d.fd());
            return feedFrom(w, stream.in(), false);
        }
        if (stream.out() == null) return new NativeIo.Source.Open(DEV_NULL, NativeIo.O_WRONLY);
        if (stream.out() instanceof FdStreams.OnDescriptor d && d.fd() >= 0) return new NativeIo.Source.Fd(d.fd());
        return drainInto(w, stream.out(), false);
    }

    /** A pipe whose read end the process gets, filled from {@code from} by a thread. */
    private static NativeIo.Source feedFrom(Wiring w, InputStream from, boolean closeSource) throws IOException {
        FdStreams.Pipe pipe = FdStreams.pipe();
        w.afterSpawn.add(pipe.source()::close);
        w.unused.add(pipe.sink()::close);
        w.feeds.add(from);
        w.copiers.add(() -> w.feeders.add(Bridges.copy("pipesh-feed", from, pipe.sink(), closeSource, true)));
        return new NativeIo.Source.Fd(pipe.source().fd());
    }

    /** A pipe whose write end the process gets, emptied into {@code to} by a thread. */
    private static NativeIo.Source drainInto(Wiring w, OutputStream to, boolean closeTarget) throws IOException {
        FdStreams.Pipe pipe = FdStreams.pipe();
        w.afterSpawn.add(pipe.sink()::close);
        w.unused.add(pipe.source()::close);
        w.copiers.add(() -> w.drains.add(Bridges.copy("pipesh-drain", pipe.source(), to, true, closeTarget)));
        return new NativeIo.Source.Fd(pipe.sink().fd());
    }

    /**
     * The process exited: a feeder still waiting for input it would never pass on stops, so that
     * it does not take what comes next (the next line typed at the prompt, say).
     */
    private static void stopFeeding(Wiring w) {
        for (int i = 0; i < w.feeders.size(); i++) ProcessSegment.stopFeeding(w.feeders.get(i), w.feeds.get(i));
    }
}
