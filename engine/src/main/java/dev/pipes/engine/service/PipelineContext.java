package dev.pipes.engine.service;

import dev.pipes.engine.agent.RunRequest;
import dev.pipes.engine.stream.StreamProtocol;
import dev.pipes.wamp.client.CallHandle;
import dev.pipes.wamp.client.Options;
import dev.pipes.wamp.client.WampClient;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** What the parts of one running service pipeline share: its id, the shell's WAMP client, its calls. */
final class PipelineContext {
    /**
     * Where work that may block runs when a call's answer arrives: answers complete on the WAMP
     * client's I/O thread, which must never wait for further answers.
     */
    static final java.util.concurrent.Executor OFF_IO_THREAD =
            task -> Thread.ofPlatform().daemon().name("pipes-pipeline").start(task);

    final String id;
    final WampClient shell;
    final Consumer<String> errors;
    final Path cwd;
    final Map<String, String> environment;
    private final List<CallHandle> runs = new CopyOnWriteArrayList<>();
    volatile boolean canceled;

    PipelineContext(String id, WampClient shell, Consumer<String> errors, Path cwd, Map<String, String> environment) {
        this.id = id;
        this.shell = shell;
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

    /** Calls {@code run} on a stage instance; the handle is kept so that {@link #cancelRuns} reaches it. */
    CallHandle run(String stageId, ServiceSpec spec, List<String> argv, String output, String stderr) {
        List<String> command = new java.util.ArrayList<>(argv);
        command.set(0, spec.executable().toString());
        RunRequest request = new RunRequest(command, spec.input(), output, stderr, cwd.toString(), environment);
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
