package dev.pipes.engine.service;

import dev.pipes.engine.agent.RunRequest;
import dev.pipes.engine.stream.Links;
import dev.pipes.engine.stream.StreamProtocol;
import dev.pipes.wamp.client.CallHandle;
import dev.pipes.wamp.client.Options;
import dev.pipes.wamp.client.WampClient;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * What the parts of one running service pipeline share: its id, the shell's clients (the central
 * router's, for control; its endpoint's, where its own readers are served), the shell's writers'
 * connections, where the shell's readers are served, and the pipeline's {@code run} calls.
 */
final class PipelineContext {
    /**
     * Where work that may block runs when a call's answer arrives: answers complete on the WAMP
     * client's I/O thread, which must never wait for further answers.
     */
    static final java.util.concurrent.Executor OFF_IO_THREAD =
            task -> Thread.ofPlatform().daemon().name("pipes-pipeline").start(task);

    final String id;
    final WampClient shell;
    final WampClient shellEndpoint;
    final Links links;
    final List<String> shellUrls;
    final boolean socketsOnly;
    /** Whether runs get the shell's working directory and environment (not in containers). */
    final boolean sharesFilesystem;
    /** The endpoints of an agent the shell can write to (the rest: through the central router). */
    final java.util.function.UnaryOperator<List<String>> reachableFromShell;
    final Consumer<String> errors;
    final Path cwd;
    final Map<String, String> environment;
    /** Told which protocol a native service's agent speaks, once it announced it. */
    final java.util.function.BiConsumer<String, Integer> learned;
    private final List<CallHandle> runs = new CopyOnWriteArrayList<>();
    volatile boolean canceled;

    /**
     * {@code shellUrls}: where the shell's readers are served; {@code socketsOnly}: the shell and the
     * agents in its process write over sockets even to this process (as agents in a cluster do).
     */
    PipelineContext(String id, ServicePlane plane, Consumer<String> errors, Path cwd, Map<String, String> environment,
                    java.util.function.BiConsumer<String, Integer> learned) {
        this.learned = learned;
        this.id = id;
        this.shell = plane.shellClient();
        this.shellEndpoint = plane.shellEndpointClient();
        this.links = plane.links();
        this.shellUrls = plane.shellUrls();
        this.socketsOnly = plane.socketsOnly();
        this.sharesFilesystem = plane.sharesFilesystem();
        this.reachableFromShell = plane::reachableFromShell;
        this.errors = errors;
        this.cwd = cwd;
        this.environment = Map.copyOf(environment);
    }

    static String stageId(String pipeline, int stage, int replica) {
        return pipeline + "_" + stage + "_" + replica;
    }

    String stageId(int stage, int replica) {
        return stageId(id, stage, replica);
    }

    /** A stream procedure of the shell for this pipeline, e.g. {@code pipes.pipeline.P.2_0_err}. */
    String shellUri(String name) {
        return StreamProtocol.shellUri(id, name);
    }

    /**
     * The URLs a writer gets for a reader served at {@code urls}: a writer in this process takes
     * them all (a memory URL first: no socket), unless sockets were asked for; a process of its own
     * can only use the sockets.
     */
    List<String> urlsFor(List<String> urls, boolean writerInThisProcess) {
        if (writerInThisProcess && !socketsOnly) return urls;
        return urls.stream().filter(u -> !u.startsWith("memory://")).toList();
    }

    /** Calls {@code run} on a stage instance; the handle is kept so that {@link #cancelRuns} reaches it. */
    CallHandle run(String stageId, RunRequest request) {
        CallHandle handle = shell.call(StreamProtocol.runUri(stageId), Options.Call.DEFAULT, List.of(), request.toKwargs());
        runs.add(handle);
        if (canceled) handle.cancel("killnowait");
        return handle;
    }

    void cancelRuns() {
        canceled = true;
        for (CallHandle run : runs) run.cancel("killnowait");
    }
}
