package dev.pipes.engine.interp;

import dev.pipes.engine.plan.Stage;
import dev.pipes.engine.service.ServiceRuntime;
import dev.pipes.engine.service.ServicesUnavailableException;
import dev.pipes.engine.service.StageIo;
import dev.pipes.engine.world.Channel;
import dev.pipes.engine.world.FdTable;
import dev.pipes.engine.world.NativeStreams;
import dev.pipes.engine.world.ProcessGroup;
import dev.pipes.engine.world.Redirections;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Starts a run of adjacent service stages through the shell's {@link ServiceRuntime} (the executor's
 * one way to services): turns each stage's descriptors into the stream endpoints a service pipeline needs.
 * Two adjacent services whose joint is a plain pipe stream to each other over WAMP, agent to agent;
 * everything else (files, the terminal, local commands, builtins) is streamed by the shell.
 */
final class ServiceSegment {
    private ServiceSegment() {}

    /** {@code first} is the index in the plan of the first stage of the run. */
    static List<StageHandle> start(List<Stage> stages, List<Redirections.Applied> applied, int first, ShellState state,
                                   ProcessGroup group, Executor.PipeEnds ends, Consumer<String> errors) {
        int n = stages.size();
        boolean[] direct = new boolean[Math.max(0, n - 1)];
        for (int k = 0; k + 1 < n; k++) {
            FdTable left = applied.get(k).table();
            FdTable right = applied.get(k + 1).table();
            Channel.PipeEnd write = new Channel.PipeEnd(first + k, true);
            direct[k] = write.equals(left.get(1)) && !write.equals(left.get(2))
                    && new Channel.PipeEnd(first + k, false).equals(right.get(0));
        }
        List<ServiceRuntime.StageRequest> requests = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            Stage.Service stage = (Stage.Service) stages.get(k);
            FdTable table = applied.get(k).table();
            StageIo.Source in = k > 0 && direct[k - 1] ? new StageIo.FromPreviousService()
                    : new StageIo.FromStream(input(table.get(0), ends));
            StageIo.Target out = k < n - 1 && direct[k] ? new StageIo.ToNextService() : output(table.get(1), ends, false);
            StageIo.Target err = output(table.get(2), ends, shown(table.get(2), state));
            requests.add(new ServiceRuntime.StageRequest(stage.service(), stage.argv(), new StageIo(in, out, err)));
        }
        for (int k = 0; k + 1 < n; k++) {
            if (!direct[k]) continue;
            ends.close(new Channel.PipeEnd(first + k, true));
            ends.close(new Channel.PipeEnd(first + k, false));
        }
        Map<String, String> environment = new HashMap<>(state.variables.environment());
        String blockSize = state.variables.get(ServiceRuntime.BLOCK_SIZE_VARIABLE);
        if (blockSize != null) environment.put(ServiceRuntime.BLOCK_SIZE_VARIABLE, blockSize);
        ServiceRuntime.Started started;
        try {
            started = state.services.start(requests, state.cwd, environment, errors);
        } catch (IllegalStateException | IllegalArgumentException e) {
            // a shell without services, or a service removed since the plan was made: nothing ran
            boolean unavailable = e instanceof ServicesUnavailableException;
            List<StageHandle> failed = new ArrayList<>();
            for (int k = 0; k < n; k++) {
                if (unavailable) errors.accept(((Stage.Service) stages.get(k)).service() + ": " + e.getMessage());
                release(applied.get(k), ends);
                failed.add(StageHandle.finished(127));
            }
            if (!unavailable) errors.accept(e.getMessage());
            return failed;
        }
        List<StageHandle> handles = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            Redirections.Applied a = applied.get(k);
            CompletableFuture<Integer> status = started.statuses().get(k).whenComplete((s, e) -> release(a, ends));
            // reported once the pipeline's feeders stopped reading (the terminal, say)
            handles.add(StageHandle.of(status.thenCombine(started.feedersStopped(), (s, v) -> s), -1));
        }
        CompletableFuture<Void> all = CompletableFuture.allOf(started.statuses().toArray(CompletableFuture[]::new));
        Thread watcher = Thread.ofPlatform().daemon().name("pipes-service-watch").unstarted(() -> {
            try {
                all.get();
            } catch (InterruptedException e) {
                started.cancel().run(); // kill %N, or the foreground pipeline interrupted
            } catch (java.util.concurrent.ExecutionException e) {
                // each stage reported its own failure
            }
        });
        group.add(watcher);
        watcher.start();
        return handles;
    }

    /** Standard error that reaches the user (not redirected) gets each line prefixed with the stage's name. */
    static boolean shown(Channel err, ShellState state) {
        return err != null && (err.equals(state.fds.get(2)) || err instanceof Channel.Native nat && nat.fd() == 2);
    }

    private static void release(Redirections.Applied applied, Executor.PipeEnds ends) {
        ends.closeAll(applied.table());
        applied.close();
    }

    private static InputStream input(Channel channel, Executor.PipeEnds ends) {
        InputStream in = switch (channel) {
            case null -> null;
            case Channel.Native nat -> nat.fd() == 0 ? NativeStreams.streamedInput() : null;
            case Channel.Stream stream -> stream.in();
            case Channel.OpenFile file -> file.handle().in();
            case Channel.PipeEnd end -> ends.stream(end).in();
            case Channel.Closed closed -> null;
        };
        return in == null ? InputStream.nullInputStream() : in;
    }

    private static StageIo.Target output(Channel channel, Executor.PipeEnds ends, boolean prefixLines) {
        OutputStream out = switch (channel) {
            case null -> null;
            case Channel.Native nat -> nat.fd() == 0 ? null : NativeStreams.output(nat.fd());
            case Channel.Stream stream -> stream.out();
            case Channel.OpenFile file -> file.handle().out();
            case Channel.PipeEnd end -> ends.stream(end).out();
            case Channel.Closed closed -> null;
        };
        return out == null ? new StageIo.Discard() : new StageIo.ToStream(out, prefixLines);
    }
}
