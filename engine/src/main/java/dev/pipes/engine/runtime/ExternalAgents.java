package dev.pipes.engine.runtime;

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
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Agents that are processes of their own (a stage written with any WAMP client, or pipes' agent
 * run standalone): started with {@code PIPES_ROUTER}, {@code PIPES_REALM} and {@code PIPES_STAGE},
 * ready once they call {@link StreamProtocol#READY_URI}. Their own diagnostics go to a log file that
 * an error quotes when an agent dies before it is ready.
 */
final class ExternalAgents {
    static final long READY_SECONDS = 20;

    private final EmbeddedRouter router;
    private final Map<String, CompletableFuture<Void>> waiting = new ConcurrentHashMap<>();
    private final CompletableFuture<WampClient> client;

    ExternalAgents(EmbeddedRouter router) {
        this.router = router;
        WampClient c = router.client(router.inMemoryTransport());
        this.client = c.connect()
                .thenCompose(session -> c.register(StreamProtocol.READY_URI, InvocationHandler.sync(call -> {
                    Object id = call.args().isEmpty() ? null : call.args().get(0);
                    CompletableFuture<Void> ready = id instanceof String s ? waiting.get(s) : null;
                    if (ready == null) throw new WampException("pipes.error.unknown_stage", "no agent " + id + " is awaited");
                    ready.complete(null);
                    return CallResult.EMPTY;
                })))
                .thenApply(registration -> c);
    }

    /** Starts {@code executable} as the agent of {@code stageId}; completes with its process once it is ready. */
    CompletableFuture<Process> start(String stageId, Path executable) {
        CompletableFuture<Void> ready = new CompletableFuture<>();
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
            builder.environment().put(StreamProtocol.ENV_ROUTER, router.uri().toString());
            builder.environment().put(StreamProtocol.ENV_REALM, StreamProtocol.REALM);
            builder.environment().put(StreamProtocol.ENV_STAGE, stageId);
            builder.environment().put(StreamProtocol.ENV_AUTHID, EmbeddedRouter.AUTHID);
            builder.environment().put(StreamProtocol.ENV_TICKET, router.ticket());
            process = builder.start();
        } catch (Exception e) {
            waiting.remove(stageId);
            return CompletableFuture.failedFuture(new IOException("cannot start agent " + executable + ": " + e.getMessage(), e));
        }
        Path logFile = log;
        process.onExit().thenRun(() -> ready.completeExceptionally(new IOException(
                "the agent " + executable + " exited with status " + process.exitValue() + " before it was ready" + tail(logFile))));
        return ready.orTimeout(READY_SECONDS, TimeUnit.SECONDS)
                .handle((v, e) -> {
                    waiting.remove(stageId);
                    if (e == null) {
                        process.onExit().thenRun(() -> quietlyDelete(logFile));
                        return process;
                    }
                    process.destroyForcibly();
                    Throwable cause = e instanceof java.util.concurrent.CompletionException && e.getCause() != null ? e.getCause() : e;
                    if (cause instanceof java.util.concurrent.TimeoutException) {
                        throw new java.util.concurrent.CompletionException(new IOException("the agent " + executable
                                + " did not call " + StreamProtocol.READY_URI + " within " + READY_SECONDS + " s" + tail(logFile)));
                    }
                    throw new java.util.concurrent.CompletionException(cause);
                });
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

    void close() {
        client.thenAccept(WampClient::leave);
    }
}
