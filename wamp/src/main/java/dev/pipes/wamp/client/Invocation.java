package dev.pipes.wamp.client;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** One call as its callee sees it. Methods may be called from any thread. */
public interface Invocation {
    List<Object> args();

    Map<String, Object> kwargs();

    /** The positional argument at {@code index}, or null when there are fewer. */
    default Object arg(int index) {
        return index < args().size() ? args().get(index) : null;
    }

    /** INVOCATION.Details as the router sent them. */
    Map<String, Object> details();

    /** The procedure called: the registered one, or the concrete URI for pattern registrations. */
    String procedure();

    /** The caller's session id if disclosed, else null. */
    Long caller();

    /** True when the caller asked for progressive results: {@link #progress} then reaches it. */
    boolean progressRequested();

    /** Sends a progressive result (YIELD with progress); ignored when the caller did not ask for them. */
    void progress(List<Object> args, Map<String, Object> kwargs);

    /** Completes with the cancel mode when the router interrupts this invocation. */
    CompletableFuture<String> interrupted();

    /** True when the caller streams more chunks (progressive call invocations). */
    boolean moreChunksFollow();

    /**
     * Receives the further chunks of a progressive call invocation, in order; chunks that arrived
     * before the listener was set are replayed to it.
     */
    void onChunk(ChunkListener listener);

    interface ChunkListener {
        void chunk(List<Object> args, Map<String, Object> kwargs, boolean last);
    }
}
