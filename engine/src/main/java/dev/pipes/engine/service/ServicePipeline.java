package dev.pipes.engine.service;

import dev.pipes.engine.runtime.AgentHandle;
import dev.pipes.engine.runtime.AgentLaunch;
import dev.pipes.engine.runtime.Runtime;
import dev.pipes.engine.stream.OutputStreamSink;
import dev.pipes.engine.stream.StreamProtocol;
import dev.pipes.engine.stream.StreamPump;
import dev.pipes.engine.stream.StreamReader;
import dev.pipes.engine.stream.StreamSink;
import dev.pipes.engine.stream.StreamWriter;
import dev.pipes.engine.world.StoppableInput;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs a run of adjacent service stages: starts an agent per stage instance, registers the shell's
 * stream procedures (outputs that come back to the shell, standard errors, the inputs of replicated
 * stages), streams the shell's inputs in, calls {@code run} on every agent and reports each stage's
 * status. Adjacent services stream agent to agent; the shell only relays as the router.
 */
public final class ServicePipeline {
    private static final long AGENT_START_SECONDS = 20;
    private static final long FEEDER_STOP_MILLIS = 200;

    private final PipelineContext context;
    private final Runtime runtime;
    private final long blockSize;
    private final List<AgentHandle> agents = new CopyOnWriteArrayList<>();
    private final List<StreamReader> readers = new CopyOnWriteArrayList<>();
    private final List<Thread> feeders = new CopyOnWriteArrayList<>();
    private final List<ReplicatedStage> replicated = new CopyOnWriteArrayList<>();
    private final CompletableFuture<Void> finished = new CompletableFuture<>();
    private final CompletableFuture<Void> feedersStopped = new CompletableFuture<>();

    ServicePipeline(PipelineContext context, Runtime runtime, long blockSize) {
        this.context = context;
        this.runtime = runtime;
        this.blockSize = blockSize;
    }

    /** Completes once every agent and procedure of the pipeline is gone. */
    public CompletableFuture<Void> finished() {
        return finished;
    }

    /** Starts the stages; the futures complete with each stage's exit status. */
    List<CompletableFuture<Integer>> start(List<ServiceStage> stages) {
        int n = stages.size();
        try {
            startAgents(stages);
        } catch (IOException e) {
            context.errors.accept(e.getMessage());
            cleanUp();
            List<CompletableFuture<Integer>> failed = new ArrayList<>();
            for (int k = 0; k < n; k++) failed.add(CompletableFuture.completedFuture(126));
            return failed;
        }
        String[] inputUri = new String[n];
        for (int k = 0; k < n; k++) {
            inputUri[k] = stages.get(k).replicas() == 1 ? StreamProtocol.inputUri(context.stageId(k, 0))
                    : context.shellUri(k + "_in");
        }
        List<CompletableFuture<StreamReader>> registrations = new ArrayList<>();
        String[] outputUri = new String[n];
        String[][] stderrUri = new String[n][];
        for (int k = 0; k < n; k++) {
            ServiceStage stage = stages.get(k);
            stderrUri[k] = new String[stage.replicas()];
            for (int r = 0; r < stage.replicas(); r++) {
                String name = stage.replicas() == 1 ? stage.displayName() : stage.displayName() + "[" + r + "]";
                StreamSink sink = switch (stage.io().stderr()) {
                    case StageIo.ToStream s -> s.prefixLines() ? new PrefixedLinesSink(name, s.out()) : new OutputStreamSink(s.out(), false);
                    default -> null;
                };
                if (sink == null) continue;
                stderrUri[k][r] = context.shellUri(k + "_" + r + "_err");
                registrations.add(StreamReader.register(context.shell, stderrUri[k][r], sink, true));
            }
            if (stage.replicas() > 1) {
                ReplicatedStage.Output out = switch (stage.io().stdout()) {
                    case StageIo.ToNextService next -> ReplicatedStage.toWriter(new StreamWriter(context.shell, inputUri[k + 1]));
                    case StageIo.ToStream s -> ReplicatedStage.toStream(s.out());
                    case StageIo.Discard d -> ReplicatedStage.discard();
                };
                ReplicatedStage rs = new ReplicatedStage(context, k, stage.displayName(), stage.spec(), stage.argv(),
                        stage.replicas(), blockSize, out, stderrUri[k]);
                replicated.add(rs);
                registrations.addAll(rs.registerOutputs());
                if (stage.io().stdin() instanceof StageIo.FromPreviousService) {
                    registrations.add(StreamReader.register(context.shell, inputUri[k], rs));
                }
            } else if (stage.io().stdout() instanceof StageIo.ToStream s) {
                outputUri[k] = context.shellUri(k + "_out");
                registrations.add(StreamReader.register(context.shell, outputUri[k], new OutputStreamSink(s.out(), false)));
            } else if (stage.io().stdout() instanceof StageIo.ToNextService) {
                outputUri[k] = inputUri[k + 1];
            }
        }
        try {
            for (CompletableFuture<StreamReader> r : registrations) readers.add(r.get(AGENT_START_SECONDS, TimeUnit.SECONDS));
        } catch (Exception e) {
            context.errors.accept("cannot register the pipeline's streams: " + e.getMessage());
            cleanUp();
            List<CompletableFuture<Integer>> failed = new ArrayList<>();
            for (int k = 0; k < n; k++) failed.add(CompletableFuture.completedFuture(1));
            return failed;
        }
        List<CompletableFuture<Integer>> statuses = new ArrayList<>();
        int next = 0;
        for (int k = 0; k < n; k++) {
            ServiceStage stage = stages.get(k);
            if (stage.replicas() > 1) {
                ReplicatedStage rs = replicated.get(next++);
                if (stage.io().stdin() instanceof StageIo.FromStream from) feed("feed " + stage.displayName(), from.in(), rs::feed);
                statuses.add(rs.status());
                continue;
            }
            String stageId = context.stageId(k, 0);
            boolean direct = stage.io().stdout() instanceof StageIo.ToNextService;
            String next1 = k + 1 < n ? inputUri[k + 1] : null;
            CompletableFuture<Integer> status = context.run(stageId, stage.spec(), stage.argv(), outputUri[k], stderrUri[k][0])
                    .result().handleAsync((result, failure) -> {
                        int s = StageOutcome.status(stage.displayName(), result, failure, context.canceled, context.errors);
                        if (failure != null && !context.canceled) {
                            if (s == 126 && direct) endStreamFor(next1); // never ran: the next stage still gets its EOF
                            else if (s != 126) cancel(); // its agent is gone mid-stream: nothing can end the joints
                        }
                        return s;
                    }, PipelineContext.OFF_IO_THREAD);
            statuses.add(status);
            if (stage.io().stdin() instanceof StageIo.FromStream from) {
                StreamWriter writer = new StreamWriter(context.shell, inputUri[k]);
                feed("feed " + stage.displayName(), from.in(), in -> StreamPump.run(in, writer));
            }
        }
        CompletableFuture.allOf(statuses.toArray(CompletableFuture[]::new)).whenComplete((v, e) -> cleanUp());
        return statuses;
    }

    /**
     * Completes once every stage has ended and no feeder reads any more. The shell reports the
     * pipeline done only then: what it reads next from its terminal must not go to a pipeline
     * that has ended.
     */
    public CompletableFuture<Void> feedersStopped() {
        return feedersStopped;
    }

    /** Interrupts the feeders and waits a moment for each (a read of a pipe cannot be interrupted). */
    private void stopFeeders() {
        feeders.forEach(Thread::interrupt);
        for (Thread feeder : feeders) {
            try {
                feeder.join(FEEDER_STOP_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void startAgents(List<ServiceStage> stages) throws IOException {
        List<CompletableFuture<AgentHandle>> starting = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int k = 0; k < stages.size(); k++) {
            ServiceStage stage = stages.get(k);
            for (int r = 0; r < stage.replicas(); r++) {
                starting.add(runtime.start(new AgentLaunch(context.stageId(k, r), stage.spec().name(), stage.spec().executable(),
                        stage.spec().nativeAgent())));
                names.add(stage.displayName());
            }
        }
        IOException failure = null;
        for (int i = 0; i < starting.size(); i++) {
            try {
                agents.add(starting.get(i).get(AGENT_START_SECONDS, TimeUnit.SECONDS));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure = new IOException(names.get(i) + ": interrupted while starting its agent");
            } catch (Exception e) {
                Throwable cause = e.getCause() == null ? e : e.getCause();
                if (failure == null) failure = new IOException(names.get(i) + ": cannot start its agent: " + cause.getMessage());
            }
        }
        if (failure != null) throw failure;
    }

    /** A stage that never ran still owes the next one an end of stream. */
    private void endStreamFor(String procedure) {
        if (procedure == null) return;
        try {
            new StreamWriter(context.shell, procedure).finish();
        } catch (IOException e) {
            // the next stage is gone as well
        }
    }

    /** Copies {@code in} into the pipeline on a thread of its own; a stoppable input stops when the copy ends. */
    private void feed(String name, InputStream in, Consumer<InputStream> copy) {
        Thread thread = Thread.ofPlatform().daemon().name("pipes-" + name).start(() -> {
            try {
                copy.accept(in);
            } finally {
                if (in instanceof StoppableInput stoppable) stoppable.stopReading(); // e.g. the stage closed its input
            }
        });
        feeders.add(thread);
    }

    /** Cancels every run (WAMP CANCEL, the agents stop their processes), then stops the agents. */
    public void cancel() {
        context.cancelRuns();
        replicated.forEach(ReplicatedStage::cancel);
        feeders.forEach(Thread::interrupt);
        CompletableFuture.delayedExecutor(500, TimeUnit.MILLISECONDS).execute(this::cleanUp);
    }

    private synchronized void cleanUp() {
        stopFeeders();
        feedersStopped.complete(null);
        if (finished.isDone()) return;
        for (AgentHandle agent : agents) agent.stop();
        for (StreamReader reader : readers) reader.close();
        finished.complete(null);
    }
}
