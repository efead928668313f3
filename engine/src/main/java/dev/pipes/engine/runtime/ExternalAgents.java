package dev.pipes.engine.runtime;

import dev.pipes.engine.stream.PipesRouter;
import dev.pipes.engine.stream.StreamProtocol;
import dev.pipes.wamp.client.CallResult;
import dev.pipes.wamp.client.InvocationHandler;
import dev.pipes.wamp.client.WampClient;
import dev.pipes.wamp.client.WampException;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Agents that are processes of their own (a stage written with any WAMP client, or pipes' agent
 * run standalone): started with the environment of docs/protocol.md, ready once they call
 * {@link StreamProtocol#READY_URI}, whose keyword arguments say which protocol they speak and where
 * they serve their input. A released agent stays up for {@link #IDLE_MILLIS} and serves the next
 * pipeline of the same service. Their own diagnostics go to a log file that an error quotes when an
 * agent dies before it is ready.
 */
final class ExternalAgents {
    static final long READY_SECONDS = 20;
    static final long IDLE_MILLIS = 60_000;

    /** What an agent said when it was ready. */
    record Ready(int protocol, List<String> endpoints) {}

    private final PipesRouter control;
    private final PipesRouter endpoint;
    private final Map<String, CompletableFuture<Ready>> waiting = new ConcurrentHashMap<>();
    private final Map<String, Deque<Agent>> idle = new HashMap<>();
    private final CompletableFuture<WampClient> client;

    ExternalAgents(PipesRouter control, PipesRouter endpoint) {
        this.control = control;
        this.endpoint = endpoint;
        WampClient c = control.client(control.inMemoryTransport());
        this.client = c.connect()
                .thenCompose(session -> c.register(StreamProtocol.READY_URI, InvocationHandler.sync(call -> {
                    Object id = call.args().isEmpty() ? null : call.args().get(0);
                    CompletableFuture<Ready> ready = id instanceof String s ? waiting.get(s) : null;
                    if (ready == null) throw new WampException("pipes.error.unknown_stage", "no agent " + id + " is awaited");
                    ready.complete(ready(call.kwargs()));
                    return CallResult.EMPTY;
                })))
                .thenApply(registration -> c);
    }

    private static Ready ready(Map<String, Object> kw) {
        int protocol = kw.get("protocol") instanceof Number n ? n.intValue() : 1;
        List<String> endpoints = kw.get("endpoints") instanceof List<?> list
                ? list.stream().filter(String.class::isInstance).map(String.class::cast).toList() : List.of();
        return new Ready(protocol, endpoints);
    }

    /** An idle agent of the launch's kind, or a new one; completes once it is ready. */
    CompletableFuture<AgentHandle> start(AgentLaunch launch) {
        synchronized (this) {
            Deque<Agent> warm = idle.get(launch.kind());
            Agent agent;
            while (warm != null && (agent = warm.poll()) != null) {
                if (agent.process.isAlive()) {
                    agent.busy = true;
                    return CompletableFuture.completedFuture(agent);
                }
            }
        }
        return spawn(launch);
    }

    private CompletableFuture<AgentHandle> spawn(AgentLaunch launch) {
        String stageId = launch.stageId();
        Path executable = launch.executable();
        CompletableFuture<Ready> ready = new CompletableFuture<>();
        waiting.put(stageId, ready);
        Path log;
        Process process;
        try {
            client.get(READY_SECONDS, TimeUnit.SECONDS);
            log = Files.createTempFile("pipes-agent-" + stageId, ".log");
            ProcessBuilder builder = new ProcessBuilder(executable.toString())
                    .redirectInput(new File("/dev/null"))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(log.toFile());
            Map<String, String> env = builder.environment();
            env.put(StreamProtocol.ENV_ROUTER, control.uri().toString());
            env.put(StreamProtocol.ENV_REALM, StreamProtocol.REALM);
            env.put(StreamProtocol.ENV_STAGE, stageId);
            env.put(StreamProtocol.ENV_AUTHID, PipesRouter.AUTHID);
            env.put(StreamProtocol.ENV_TICKET, control.ticket());
            env.put(StreamProtocol.ENV_PROTOCOL, Integer.toString(StreamProtocol.VERSION));
            endpoint.uri(); // the agent may write to readers in pipesh: they must be reachable by sockets
            process = builder.start();
        } catch (Exception e) {
            waiting.remove(stageId);
            return CompletableFuture.failedFuture(new IOException("cannot start agent " + executable + ": " + e.getMessage(), e));
        }
        Path logFile = log;
        process.onExit().thenRun(() -> ready.completeExceptionally(new IOException(
                "the agent " + executable + " exited with status " + process.exitValue() + " before it was ready" + tail(logFile))));
        return ready.orTimeout(READY_SECONDS, TimeUnit.SECONDS)
                .handle((said, e) -> {
                    waiting.remove(stageId);
                    if (e == null) {
                        process.onExit().thenRun(() -> quietlyDelete(logFile));
                        return (AgentHandle) new Agent(launch.kind(), stageId, process, said);
                    }
                    process.destroyForcibly();
                    Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
                    if (cause instanceof TimeoutException) {
                        throw new CompletionException(new IOException("the agent " + executable
                                + " did not call " + StreamProtocol.READY_URI + " within " + READY_SECONDS + " s" + tail(logFile)));
                    }
                    throw new CompletionException(cause);
                });
    }

    /** An agent process: released, it waits warm for the next pipeline; stopped, it ends with what it started. */
    private final class Agent implements AgentHandle {
        final String kind;
        final String stageId;
        final Process process;
        final Ready ready;
        volatile boolean busy = true;

        Agent(String kind, String stageId, Process process, Ready ready) {
            this.kind = kind;
            this.stageId = stageId;
            this.process = process;
            this.ready = ready;
        }

        @Override public String stageId() {
            return stageId;
        }

        @Override public int protocol() {
            return ready.protocol();
        }

        @Override public List<String> endpoints() {
            return ready.endpoints();
        }

        @Override public void release() {
            if (!process.isAlive()) return;
            synchronized (ExternalAgents.this) {
                busy = false;
                idle.computeIfAbsent(kind, k -> new ArrayDeque<>()).push(this);
            }
            CompletableFuture.delayedExecutor(IDLE_MILLIS, TimeUnit.MILLISECONDS).execute(() -> {
                synchronized (ExternalAgents.this) {
                    if (busy || !idle.getOrDefault(kind, new ArrayDeque<>()).remove(this)) return;
                }
                stop();
            });
        }

        @Override public void stop() {
            synchronized (ExternalAgents.this) {
                Deque<Agent> warm = idle.get(kind);
                if (warm != null) warm.remove(this);
            }
            process.descendants().forEach(java.lang.ProcessHandle::destroy);
            process.destroy();
            process.onExit().orTimeout(500, TimeUnit.MILLISECONDS).exceptionally(e -> {
                process.descendants().forEach(java.lang.ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                return process;
            });
        }
    }

    private static String tail(Path log) {
        try {
            String text = Files.readString(log, StandardCharsets.UTF_8).strip();
            if (text.isEmpty()) return "";
            String[] lines = text.split("\n");
            return "; its last output: " + lines[lines.length - 1];
        } catch (IOException e) {
            return "";
        }
    }

    private static void quietlyDelete(Path log) {
        try {
            Files.deleteIfExists(log);
        } catch (IOException e) {
            // a log left in the temporary directory is harmless
        }
    }

    /** Stops the idle agents and leaves; busy ones are stopped by their pipelines or the runtime. */
    void close() {
        List<Agent> all;
        synchronized (this) {
            all = idle.values().stream().flatMap(Deque::stream).toList();
            idle.clear();
        }
        all.forEach(Agent::stop);
        client.thenAccept(WampClient::leave);
    }
}
