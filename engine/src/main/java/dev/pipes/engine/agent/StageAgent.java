package dev.pipes.engine.agent;

import dev.pipes.engine.stream.StreamProtocol;
import dev.pipes.engine.stream.StreamReader;
import dev.pipes.wamp.client.CallResult;
import dev.pipes.wamp.client.Handles;
import dev.pipes.wamp.client.Invocation;
import dev.pipes.wamp.client.WampClient;
import dev.pipes.wamp.client.WampException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Wraps an executable as a pipes stage: a WAMP client that registers the stage instance's
 * {@code run} procedure and its input stream, runs the executable once per {@code run} call, and
 * streams its standard output and standard error to the procedures the call names. One run at a
 * time; a canceled call (INTERRUPT) stops the process and everything it started.
 */
public final class StageAgent implements AutoCloseable {
    private final WampClient client;
    private final String stageId;
    private final AtomicReference<StageRun> running = new AtomicReference<>();
    private StreamReader input;
    private Handles.Registration runRegistration;

    private final String executable;

    private StageAgent(WampClient client, String stageId, String executable) {
        this.client = client;
        this.stageId = stageId;
        this.executable = executable;
    }

    /** Registers the stage instance {@code stageId} on a joined client; completes when it can be called. */
    public static CompletableFuture<StageAgent> start(WampClient client, String stageId) {
        return start(client, stageId, null);
    }

    /** As {@link #start(WampClient, String)}; a non-null {@code executable} replaces {@code argv[0]} of every run. */
    public static CompletableFuture<StageAgent> start(WampClient client, String stageId, String executable) {
        if (!StreamProtocol.validId(stageId)) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("invalid stage id '" + stageId + "'"));
        }
        StageAgent agent = new StageAgent(client, stageId, executable);
        return StreamReader.register(client, StreamProtocol.inputUri(stageId), null)
                .thenCompose(reader -> {
                    agent.input = reader;
                    return client.register(StreamProtocol.runUri(stageId), agent::run);
                })
                .thenApply(registration -> {
                    agent.runRegistration = registration;
                    return agent;
                });
    }

    public String stageId() {
        return stageId;
    }

    private CompletionStage<CallResult> run(Invocation call) {
        RunRequest request = RunRequest.fromKwargs(call.kwargs());
        if (executable != null) request = request.withExecutable(executable);
        StageRun run = request.input() == RunRequest.InputMode.ARGS
                ? new ArgsRun(client, input, request) : new StdinRun(client, input, request);
        if (!running.compareAndSet(null, run)) {
            throw new WampException("pipes.error.busy", "stage " + stageId + " is already running");
        }
        // before any data call that follows this one is taken: the input is open for this run's stream
        input.reopen();
        CompletableFuture<CallResult> answer = new CompletableFuture<>();
        call.interrupted().thenAccept(mode -> run.stop());
        Thread.ofPlatform().daemon().name("pipes-agent " + stageId).start(() -> {
            // the agent is free again before its answer leaves: the caller may send the next run at once
            try {
                int status = run.execute();
                Map<String, Object> kw = new LinkedHashMap<>();
                kw.put("status", status);
                String signal = ProcessTree.signalOf(status);
                if (signal != null) kw.put("signal", signal);
                running.set(null);
                answer.complete(new CallResult(List.of(status), kw, Map.of()));
            } catch (WampException e) {
                running.set(null);
                answer.completeExceptionally(e);
            } catch (RuntimeException e) {
                running.set(null);
                answer.completeExceptionally(new WampException("wamp.error.runtime_error", String.valueOf(e.getMessage())));
            }
        });
        return answer;
    }

    /** Stops a run in progress and unregisters; the client stays open (its owner closes it). */
    @Override
    public void close() {
        StageRun run = running.get();
        if (run != null) run.stop();
        if (input != null) input.close();
        if (runRegistration != null) runRegistration.unregister().exceptionally(e -> null);
    }
}
