package dev.pipes.wamp.client;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * Answers invocations of a registered procedure. Asynchronous: return a stage that completes with
 * the result, or exceptionally (a {@link WampException} becomes that error, anything else
 * {@code wamp.error.runtime_error}). Runs on the client's I/O thread: do not block in it; use
 * {@link #sync} only for quick work.
 */
@FunctionalInterface
public interface InvocationHandler {
    CompletionStage<CallResult> invoke(Invocation invocation) throws Exception;

    /** A handler that computes its result right away. */
    static InvocationHandler sync(Function<Invocation, CallResult> f) {
        return inv -> CompletableFuture.completedFuture(f.apply(inv));
    }
}
