package dev.pipes.engine.service;

import dev.pipes.engine.agent.RunRequest;
import dev.pipes.engine.runtime.AgentHandle;
import dev.pipes.engine.runtime.AgentLaunch;
import dev.pipes.engine.runtime.Runtime;
import dev.pipes.engine.stream.BlockCutter;
import dev.pipes.engine.stream.ChunkSink;
import dev.pipes.engine.stream.JointInput;
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

/**
 * Runs a run of adjacent service stages (docs/protocol.md): gets an agent per stage instance,
 * registers the streams that come back to the shell on the shell's endpoint (outputs, standard
 * errors), streams the shell's inputs straight to the first readers, calls {@code run} on every
 * instance telling each writer where its readers are served, and reports each stage's status.
 * Bytes between two services go from one agent to the other's endpoint; replicated stages get
 * their blocks from their writers and hand them to their readers directly: nothing is relayed here.
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
    private final CompletableFuture<Void> finished = new CompletableFuture<>();
    private final CompletableFuture<Void> feedersStopped = new CompletableFuture<>();
    private AgentHandle[][] instances;

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
            new JointRules(stages, instances).check();
        } catch (IOException e) {
            context.errors.accept(e.getMessage());
            cleanUp();
            return failed(n, 126);
        }
        try {
            registerShellReaders(stages);
        } catch (Exception e) {
            context.errors.accept("cannot register the pipeline's streams: " + e.getMessage());
            cleanUp();
            return failed(n, 1);
        }
        List<CompletableFuture<Integer>> statuses = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            ServiceStage stage = stages.get(k);
            List<CompletableFuture<StageOutcome.Replica>> replicas = new ArrayList<>();
            for (int r = 0; r < stage.replicas(); r++) {
                RunRequest request = request(stages, k, r);
                AgentHandle agent = instances[k][r];
                replicas.add(context.run(agent.stageId(), request).result().handleAsync(
                        (result, failure) -> StageOutcome.replica(result, failure,
                                failure == null || context.canceled ? null : agent.lossDetail()), PipelineContext.OFF_IO_THREAD));
            }
            statuses.add(StageOutcome.combine(stage.displayName(), replicas, context, this::cancel));
            if (stage.io().stdin() instanceof StageIo.FromStream from) {
                ChunkSink into = shellWriter(k, stage.replicas());
                feed("feed " + stage.displayName(), from.in(), into);
            }
        }
        CompletableFuture.allOf(statuses.toArray(CompletableFuture[]::new)).whenComplete((v, e) -> cleanUp());
        return statuses;
    }

    private static List<CompletableFuture<Integer>> failed(int n, int status) {
        List<CompletableFuture<Integer>> failed = new ArrayList<>();
        for (int k = 0; k < n; k++) failed.add(CompletableFuture.completedFuture(status));
        return failed;
    }

    /** The {@code run} call of replica {@code r} of stage {@code k}: its argv, where it writes, its place in its joints. */
    private RunRequest request(List<ServiceStage> stages, int k, int r) {
        ServiceStage stage = stages.get(k);
        AgentHandle self = instances[k][r];
        List<String> argv = new ArrayList<>(stage.argv());
        argv.set(0, stage.spec().executable().toString());
        List<RunRequest.Target> output = new ArrayList<>();
        switch (stage.io().stdout()) {
            case StageIo.ToNextService next -> {
                for (AgentHandle reader : instances[k + 1]) {
                    output.add(new RunRequest.Target(StreamProtocol.inputUri(reader.stageId()),
                            context.urlsFor(reader.endpoints(), self.inProcess())));
                }
            }
            case StageIo.ToStream s -> output.add(shellTarget(k + "_out", self));
            case StageIo.Discard d -> { }
        }
        RunRequest.Target stderr = stage.io().stderr() instanceof StageIo.ToStream ? shellTarget(k + "_" + r + "_err", self) : null;
        int writers = stage.io().stdin() instanceof StageIo.FromPreviousService ? stages.get(k - 1).replicas() : 1;
        boolean cuts = output.size() > 1 && stage.replicas() == 1;
        RunRequest.Joints joints = new RunRequest.Joints(writers, r, stage.replicas(), r, cuts ? blockSize : 0);
        // in a container the shell's directory and variables mean nothing: the image's own apply
        return context.sharesFilesystem
                ? new RunRequest(argv, stage.spec().input(), output, stderr, context.cwd.toString(), context.environment, joints)
                : new RunRequest(argv, stage.spec().input(), output, stderr, null, null, joints);
    }

    private RunRequest.Target shellTarget(String name, AgentHandle writer) {
        return new RunRequest.Target(context.shellUri(name), context.urlsFor(context.shellUrls, writer.inProcess()));
    }

    /** The shell as the writer of stage k's input: one stream, or blocks cut for its replicas. */
    private ChunkSink shellWriter(int k, int replicas) {
        List<StreamWriter> writers = new ArrayList<>();
        for (AgentHandle reader : instances[k]) {
            writers.add(context.links.writer(StreamProtocol.inputUri(reader.stageId()),
                    context.reachableFromShell.apply(context.urlsFor(reader.endpoints(), true)),
                    replicas > 1 ? 0 : null));
        }
        return replicas == 1 ? writers.get(0) : new BlockCutter(writers, blockSize);
    }

    /** Registers the streams the shell reads (outputs that come back, standard errors) on its endpoint and the central router. */
    private void registerShellReaders(List<ServiceStage> stages) throws Exception {
        List<CompletableFuture<StreamReader>> registering = new ArrayList<>();
        List<Runnable> consumers = new ArrayList<>();
        for (int k = 0; k < stages.size(); k++) {
            ServiceStage stage = stages.get(k);
            for (int r = 0; r < stage.replicas(); r++) {
                if (!(stage.io().stderr() instanceof StageIo.ToStream s)) continue;
                String name = stage.replicas() == 1 ? stage.displayName() : stage.displayName() + "[" + r + "]";
                StreamSink sink = s.prefixLines() ? new PrefixedLinesSink(name, s.out()) : new OutputStreamSink(s.out(), false);
                registering.add(shellReader(context.shellUri(k + "_" + r + "_err"), 1, sink, consumers));
            }
            if (stage.io().stdout() instanceof StageIo.ToStream s) {
                registering.add(shellReader(context.shellUri(k + "_out"), stage.replicas(), new OutputStreamSink(s.out(), false), consumers));
            }
        }
        for (CompletableFuture<StreamReader> r : registering) readers.add(r.get(AGENT_START_SECONDS, TimeUnit.SECONDS));
        consumers.forEach(Runnable::run);
    }

    private CompletableFuture<StreamReader> shellReader(String procedure, int writers, StreamSink sink, List<Runnable> consumers) {
        return StreamReader.register(procedure, List.of(context.shell, context.shellEndpoint)).thenApply(reader -> {
            consumers.add(() -> Thread.ofPlatform().daemon().name("pipes-reader " + procedure)
                    .start(() -> new JointInput(reader, writers, 0, 1).copyTo(sink)));
            return reader;
        });
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
        instances = new AgentHandle[stages.size()][];
        int i = 0;
        for (int k = 0; k < stages.size(); k++) {
            instances[k] = new AgentHandle[stages.get(k).replicas()];
            for (int r = 0; r < instances[k].length; r++, i++) {
                try {
                    instances[k][r] = starting.get(i).get(AGENT_START_SECONDS, TimeUnit.SECONDS);
                    agents.add(instances[k][r]);
                    if (stages.get(k).spec().nativeAgent()) context.learned.accept(stages.get(k).spec().name(), instances[k][r].protocol());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    failure = new IOException(names.get(i) + ": interrupted while starting its agent");
                } catch (Exception e) {
                    Throwable cause = e.getCause() == null ? e : e.getCause();
                    if (failure == null) failure = new IOException(names.get(i) + ": cannot start its agent: " + cause.getMessage());
                }
            }
        }
        if (failure != null) throw failure;
    }

    /** Copies {@code in} into the pipeline on a thread of its own; a stoppable input stops when the copy ends. */
    private void feed(String name, InputStream in, ChunkSink into) {
        Thread thread = Thread.ofPlatform().daemon().name("pipes-" + name).start(() -> {
            try {
                StreamPump.run(in, into);
            } finally {
                if (in instanceof StoppableInput stoppable) stoppable.stopReading(); // e.g. the stage closed its input
            }
        });
        feeders.add(thread);
    }

    /** Cancels every run (WAMP CANCEL, the agents stop their processes), then stops the agents. */
    public void cancel() {
        context.cancelRuns();
        feeders.forEach(Thread::interrupt);
        CompletableFuture.delayedExecutor(500, TimeUnit.MILLISECONDS).execute(this::cleanUp);
    }

    private synchronized void cleanUp() {
        stopFeeders();
        feedersStopped.complete(null);
        if (finished.isDone()) return;
        for (AgentHandle agent : agents) {
            if (context.canceled) agent.stop();
            else agent.release();
        }
        for (StreamReader reader : readers) reader.close();
        finished.complete(null);
    }
}
