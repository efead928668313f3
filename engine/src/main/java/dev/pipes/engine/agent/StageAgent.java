package dev.pipes.engine.agent;

import dev.pipes.engine.stream.JointInput;
import dev.pipes.engine.stream.Links;
import dev.pipes.engine.stream.StreamProtocol;
import dev.pipes.engine.stream.StreamReader;
import dev.pipes.wamp.client.CallResult;
import dev.pipes.wamp.client.Handles;
import dev.pipes.wamp.client.Invocation;
import dev.pipes.wamp.client.WampClient;
import dev.pipes.wamp.client.WampException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Wraps an executable as a pipes stage (protocol 2, docs/protocol.md): registers the stage
 * instance's {@code run} procedure on the central router and its input stream there and on its
 * endpoint, runs the executable for each {@code run} call, and writes its standard output and
 * standard error straight to the readers' endpoints the call names. One run at a time; a canceled
 * call (INTERRUPT) stops the process and everything it started. Between runs the input is open
 * for the next run's streams, so an agent serves one pipeline after another.
 */
public final class StageAgent implements AutoCloseable {
    private final WampClient control;
    private final Links links;
    private final String stageId;
    private final String executable;
    private final AtomicReference<AgentRun> running = new AtomicReference<>();
    private StreamReader input;
    private Handles.Registration runRegistration;

    private StageAgent(WampClient control, Links links, String stageId, String executable) {
        this.control = control;
        this.links = links;
        this.stageId = stageId;
        this.executable = executable;
    }

    /**
     * Registers stage instance {@code stageId}: its input on {@code control} (the central router)
     * and on {@code endpoint} (a client of the agent's own endpoint; null: none), its {@code run}
     * on {@code control}. Its writers connect through {@code links}. A non-null {@code executable}
     * replaces {@code argv[0]} of every run. Completes when the stage can be called.
     */
    public static CompletableFuture<StageAgent> start(WampClient control, WampClient endpoint, Links links, String stageId,
                                                      String executable) {
        if (!StreamProtocol.validId(stageId)) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("invalid stage id '" + stageId + "'"));
        }
        StageAgent agent = new StageAgent(control, links, stageId, executable);
        List<WampClient> readers = new ArrayList<>(List.of(control));
        if (endpoint != null) readers.add(endpoint);
        return StreamReader.register(StreamProtocol.inputUri(stageId), readers)
                .thenCompose(reader -> {
                    agent.input = reader;
                    return control.register(StreamProtocol.runUri(stageId), agent::run);
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
        RunRequest.Joints joints = request.joints();
        AgentRun run = new AgentRun(request, new JointInput(input, joints.writers(), joints.replica(), joints.replicas()), links);
        if (!running.compareAndSet(null, run)) {
            throw new WampException("pipes.error.busy", "stage " + stageId + " is already running");
        }
        CompletableFuture<CallResult> answer = new CompletableFuture<>();
        call.interrupted().thenAccept(mode -> run.stop());
        Thread.ofPlatform().daemon().name("pipes-agent " + stageId).start(() -> {
            try {
                Map<String, Object> kw = run.execute();
                done();
                answer.complete(new CallResult(List.of(kw.get("status")), kw, Map.of()));
            } catch (WampException e) {
                done();
                answer.completeExceptionally(e);
            } catch (RuntimeException e) {
                done();
                answer.completeExceptionally(new WampException("wamp.error.runtime_error", String.valueOf(e.getMessage())));
            }
        });
        return answer;
    }

    /** The run is over: the input takes the next run's streams, and the agent is free, before the answer leaves. */
    private void done() {
        input.reopen();
        running.set(null);
    }

    /** Stops a run in progress and unregisters; the clients stay open (their owner closes them). */
    @Override
    public void close() {
        AgentRun run = running.get();
        if (run != null) run.stop();
        if (input != null) input.close();
        if (runRegistration != null) runRegistration.unregister().exceptionally(e -> null);
    }
}
