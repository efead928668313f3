package dev.pipes.engine.service;

import dev.pipes.engine.stream.StreamProtocol;
import dev.pipes.wamp.client.CallResult;
import dev.pipes.wamp.client.WampException;
import dev.pipes.wamp.message.WampUris;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;

/** Turns the answer of a {@code run} call into an exit status, reporting what the user should hear about. */
final class StageOutcome {
    /** The status of a stage whose run the shell canceled. */
    static final int CANCELED = 143;

    private StageOutcome() {}

    /** The answer of one instance's {@code run}: a result or a failure. */
    record Replica(CallResult result, Throwable failure, String lost) {
        /** The index of the failing block a replica reported, or -1. */
        long failedBlock() {
            return result != null && result.kwargs().get("block") instanceof Number n ? n.longValue() : -1;
        }
    }

    static Replica replica(CallResult result, Throwable failure) {
        return new Replica(result, failure, null);
    }

    /** With {@code lost}: what the runtime knows of where and why the instance's agent was lost (null: nothing). */
    static Replica replica(CallResult result, Throwable failure, String lost) {
        return new Replica(result, failure, lost);
    }

    /**
     * The status of a stage from the answers of its instances: the one instance's, or for replicas
     * the status of the failing block with the highest index (else 0). A run that failed for
     * another reason than its executable (its agent went away mid-stream) leaves joints nobody
     * can end: {@code cancel} stops the pipeline.
     */
    static CompletableFuture<Integer> combine(String stage, List<CompletableFuture<Replica>> replicas, PipelineContext context,
                                              Runnable cancel) {
        return CompletableFuture.allOf(replicas.toArray(CompletableFuture[]::new)).thenApplyAsync(v -> {
            int status = 0;
            long block = -1;
            boolean reported = false;
            for (CompletableFuture<Replica> f : replicas) {
                Replica r = f.join();
                Consumer<String> errors = reported ? line -> { } : context.errors;
                int s = status(stage, r.result(), r.failure(), context.canceled, errors, r.lost());
                if (r.failure() != null) reported = true;
                if (r.failure() != null && !context.canceled && s != 126) cancel.run();
                if (replicas.size() == 1) return s;
                if (s != 0 && r.failedBlock() >= block) {
                    status = s;
                    block = r.failedBlock();
                }
            }
            return context.canceled ? CANCELED : status;
        }, PipelineContext.OFF_IO_THREAD);
    }

    static int status(String stage, CallResult result, Throwable failure, boolean canceled, Consumer<String> errors) {
        return status(stage, result, failure, canceled, errors, null);
    }

    static int status(String stage, CallResult result, Throwable failure, boolean canceled, Consumer<String> errors, String lost) {
        if (failure != null) {
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
            if (canceled) return CANCELED;
            if (cause instanceof WampException w) {
                if (w.error().equals(WampUris.CANCELED)) {
                    errors.accept(stage + ": the stage's agent went away" + (lost == null ? "" : " (" + lost + ")"));
                    return CANCELED;
                }
                String message = w.args().isEmpty() ? w.error() : String.valueOf(w.args().get(0));
                errors.accept(stage + ": " + message);
                return w.error().equals(StreamProtocol.ERROR_EXEC) ? 126 : 1;
            }
            errors.accept(stage + ": " + cause.getMessage());
            return 1;
        }
        Object value = result.kwargs().getOrDefault("status", result.arg(0));
        int status = value instanceof Number n ? n.intValue() : 1;
        Object signal = result.kwargs().get("signal");
        if (!canceled && dev.pipes.engine.world.Signals.worthReporting(signal == null ? null : signal.toString())) {
            errors.accept(stage + ": killed by SIG" + signal);
        }
        return status;
    }
}
