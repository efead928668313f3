package dev.pipes.wamp.client;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** A call in flight: its final result, cancellation, and (progressive invocations) further chunks. */
public interface CallHandle {
    CompletableFuture<CallResult> result();

    /** Sends CANCEL with mode skip, kill or killnowait; the result then fails with wamp.error.canceled. */
    void cancel(String mode);

    /** For a call started with {@link WampClient#callProgressive}: sends the next chunk. */
    void sendChunk(List<Object> args, Map<String, Object> kwargs, boolean last);
}
