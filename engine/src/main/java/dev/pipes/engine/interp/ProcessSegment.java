package dev.pipes.engine.interp;

import dev.pipes.engine.plan.Stage;
import dev.pipes.engine.service.PrefixedLinesSink;
import dev.pipes.engine.world.Channel;
import dev.pipes.engine.world.FdTable;
import dev.pipes.engine.world.NativeStreams;
import dev.pipes.engine.world.ProcessGroup;
import dev.pipes.engine.world.Redirections;
import dev.pipes.engine.world.Signals;
import dev.pipes.engine.world.StoppableInput;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Starts a run of adjacent local processes joined by OS pipes, and connects its ends. Each of a
 * process's descriptors 0-2 becomes a ProcessBuilder redirect: inherited when it is the shell's own
 * descriptor, a file by path, or a pipe with a copying thread when the other side is a Java stream.
 * A fused service runs its executable here as a local command does, and keeps what a service
 * gives: its standard error, when the user sees it, prefixed with its name, and a message when a
 * signal other than SIGPIPE or SIGINT killed it.
 */
final class ProcessSegment {
    private final ShellState state;
    private final ProcessGroup group;
    private final Executor.PipeEnds ends;

    ProcessSegment(ShellState state, ProcessGroup group, Executor.PipeEnds ends) {
        this.state = state;
        this.group = group;
        this.ends = ends;
    }

    /** What a descriptor turned into: a redirect, and the Java stream to copy from or to when it is a PIPE. */
    private record Wiring(Redirect redirect, InputStream feed, OutputStream drain, boolean closeStream,
                          Channel.OpenFile consumedFile) {
        static Wiring of(Redirect redirect) {
            return new Wiring(redirect, null, null, false, null);
        }
    }

    List<StageHandle> start(List<Stage> stages, List<Redirections.Applied> applied, Consumer<String> errors) {
        if (state.launcher.spawnsNatively()) return new NativeSegment(state, group, ends).start(stages, applied, errors);
        int n = stages.size();
        List<ProcessBuilder> builders = new ArrayList<>();
        List<Wiring[]> wirings = new ArrayList<>();
        String[] serviceNames = new String[n];
        for (int k = 0; k < n; k++) {
            FdTable table = applied.get(k).table();
            List<String> argv = new ArrayList<>(argv(stages.get(k)));
            Map<String, String> assignments = Map.of();
            if (stages.get(k) instanceof Stage.LocalCommand command) {
                argv.set(0, ExecutableName.forExec(command.argv().get(0), command.executable()));
                assignments = command.assignments();
            } else {
                Stage.Service service = (Stage.Service) stages.get(k);
                argv.set(0, service.route().localExecutable().toString()); // as its agent would run it
                serviceNames[k] = service.service();
            }
            ProcessBuilder builder = new ProcessBuilder(argv).directory(state.cwd.toFile());
            Map<String, String> env = builder.environment();
            env.clear();
            env.putAll(state.variables.environment());
            env.putAll(assignments);
            env.put("PWD", state.cwd.toString());
            Wiring[] w = new Wiring[3];
            w[0] = k > 0 ? Wiring.of(Redirect.PIPE) : wire(table.get(0), 0);
            w[1] = k < n - 1 ? Wiring.of(Redirect.PIPE) : wire(table.get(1), 1);
            builder.redirectInput(w[0].redirect()).redirectOutput(w[1].redirect());
            Channel err = table.get(2);
            if (err != null && err.equals(table.get(1))) {
                builder.redirectErrorStream(true);
                w[2] = null;
            } else if (serviceNames[k] != null && ServiceSegment.shown(err, state)) {
                OutputStream prefixed = new PrefixedLinesSink(serviceNames[k], errorOutput(err)).asOutputStream();
                w[2] = new Wiring(Redirect.PIPE, null, prefixed, true, null);
                builder.redirectError(Redirect.PIPE);
            } else {
                w[2] = wire(err, 2);
                builder.redirectError(w[2].redirect());
            }
            builders.add(builder);
            wirings.add(w);
        }
        List<Process> processes;
        try {
            processes = state.launcher.startPipeline(builders);
        } catch (IOException e) {
            String name = argv(stages.get(0)).get(0);
            errors.accept(name + ": cannot execute: " + Redirections.reason(e).replaceFirst("^.*error=\\d+, ", ""));
            List<StageHandle> failed = new ArrayList<>();
            for (int k = 0; k < n; k++) {
                ends.closeAll(applied.get(k).table());
                applied.get(k).close();
                failed.add(StageHandle.finished(126));
            }
            return failed;
        }
        List<StageHandle> handles = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            Process process = processes.get(k);
            group.add(process);
            Wiring[] w = wirings.get(k);
            Thread feeder = w[0].feed() == null ? null
                    : Bridges.copy("pipesh-feed", w[0].feed(), process.getOutputStream(), w[0].closeStream(), true);
            InputStream feed = w[0].feed();
            List<Thread> drains = new ArrayList<>();
            if (w[1].drain() != null) {
                drains.add(Bridges.copy("pipesh-drain", process.getInputStream(), w[1].drain(), true, w[1].closeStream()));
            }
            if (w[2] != null && w[2].drain() != null) {
                drains.add(Bridges.copy("pipesh-drain", process.getErrorStream(), w[2].drain(), true, w[2].closeStream()));
            }
            Redirections.Applied files = applied.get(k);
            Channel.OpenFile consumed = w[0].consumedFile();
            handles.add(awaitExit(process, () -> stopFeeding(feeder, feed), drains, consumed, files, group,
                    serviceNames[k], errors));
        }
        return handles;
    }

    /**
     * The process exited: a feeder still waiting for input it would never pass on stops, so that
     * it does not take what comes next (the next line typed at the prompt, say).
     */
    /**
     * The handle of a started process: a waiter thread that, once it exits, stops what fed it
     * ({@code stopFeeding}), lets its output drains finish, marks a script file it read from as
     * consumed, closes its redirections, takes it out of the group and, for a service killed by a
     * signal worth reporting (not while the whole group is being stopped), says so.
     */
    static StageHandle awaitExit(Process process, Runnable stopFeeding, List<Thread> drains, Channel.OpenFile consumed,
                                 Redirections.Applied files, ProcessGroup group, String serviceName, Consumer<String> errors) {
        CompletableFuture<Integer> status = new CompletableFuture<>();
        Thread.ofPlatform().daemon().name("pipesh-wait").start(() -> {
            int exit;
            try {
                exit = process.waitFor();
                stopFeeding.run();
                for (Thread drain : drains) drain.join();
            } catch (InterruptedException e) {
                process.destroy();
                exit = 143;
            }
            if (consumed != null) consumed.handle().markConsumed();
            files.close();
            group.remove(process);
            String signal = Signals.nameOf(exit);
            if (serviceName != null && !group.stopping() && Signals.worthReporting(signal)) {
                errors.accept(serviceName + ": killed by SIG" + signal);
            }
            status.complete(exit);
        });
        return StageHandle.of(status, process.pid());
    }

    static void stopFeeding(Thread feeder, InputStream feed) {
        if (feeder == null || !feeder.isAlive()) return;
        if (feed instanceof StoppableInput stoppable) stoppable.stopReading();
        feeder.interrupt();
    }

    static List<String> argv(Stage stage) {
        return switch (stage) {
            case Stage.LocalCommand c -> c.argv();
            case Stage.Service s -> s.argv();
            default -> throw new IllegalArgumentException("not a local process: " + stage.kind());
        };
    }

    /** Where the user sees a stage's standard error: the shell's descriptor 2, or the stream standing for it. */
    static OutputStream errorOutput(Channel err) {
        return err instanceof Channel.Stream stream ? stream.out() : NativeStreams.output(2);
    }

    private Wiring wire(Channel channel, int fd) {
        boolean input = fd == 0;
        switch (channel) {
            case null -> {
                return Wiring.of(input ? Redirect.from(new File("/dev/null")) : Redirect.DISCARD);
            }
            case Channel.Native nat -> {
                if (nat.fd() == fd) return Wiring.of(Redirect.INHERIT);
                Path again = NativeStreams.reopenPath(nat.fd());
                if (again != null) return Wiring.of(input ? Redirect.from(again.toFile()) : Redirect.appendTo(again.toFile()));
                return input ? new Wiring(Redirect.PIPE, NativeStreams.input(nat.fd()), null, false, null)
                        : new Wiring(Redirect.PIPE, null, NativeStreams.output(nat.fd()), false, null);
            }
            case Channel.OpenFile file -> {
                if (!input) return Wiring.of(Redirect.appendTo(file.path().toFile()));
                if (file.forWriting()) return Wiring.of(Redirect.from(file.path().toFile()));
                // a FIFO opened again by path would wait for a writer that may be gone: its data
                // already sits in the open file the shell holds, so that file is read
                if (file.handle().readPosition() == 0 && java.nio.file.Files.isRegularFile(file.path())) {
                    return new Wiring(Redirect.from(file.path().toFile()), null, null, false, file);
                }
                return new Wiring(Redirect.PIPE, file.handle().in(), null, false, null);
            }
            case Channel.Stream stream -> {
                if (input) {
                    if (stream.in() == null) return Wiring.of(Redirect.from(new File("/dev/null")));
                    return new Wiring(Redirect.PIPE, stream.in(), null, false, null);
                }
                if (stream.out() == null) return Wiring.of(Redirect.DISCARD);
                return new Wiring(Redirect.PIPE, null, stream.out(), false, null);
            }
            case Channel.PipeEnd end -> {
                Channel.Stream stream = ends.stream(end);
                return input ? new Wiring(Redirect.PIPE, stream.in(), null, true, null)
                        : new Wiring(Redirect.PIPE, null, stream.out(), true, null);
            }
            case Channel.Closed closed -> {
                return Wiring.of(input ? Redirect.from(new File("/dev/null")) : Redirect.DISCARD);
            }
        }
    }
}
