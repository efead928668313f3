package dev.pipes.wamp.client;

import dev.pipes.wamp.message.MessageType;
import dev.pipes.wamp.message.Payloads;
import dev.pipes.wamp.message.WampMessage;
import dev.pipes.wamp.message.WampUris;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * One invocation being served: runs the handler, sends progressive and final YIELDs or the ERROR,
 * buffers chunks of a progressive call invocation, and reacts to INTERRUPT by answering
 * wamp.error.canceled and cancelling the handler's future. State changes happen on the session's
 * executor; the public methods may be called from anywhere and hop there.
 */
final class IncomingInvocation implements Invocation {
    private final ClientSession session;
    private final Executor executor;
    private final WampMessage.Invocation message;
    private final String procedure;
    private final CompletableFuture<String> interrupted = new CompletableFuture<>();
    private final List<Object[]> pendingChunks = new ArrayList<>();
    private ChunkListener chunkListener;
    private CompletionStage<CallResult> running;
    private boolean answered;

    IncomingInvocation(ClientSession session, WampMessage.Invocation message, String registered) {
        this.session = session;
        this.executor = session.connection().executor();
        this.message = message;
        this.procedure = message.details().get("procedure") instanceof String p ? p : registered;
    }

    @Override public List<Object> args() { return message.args(); }
    @Override public Map<String, Object> kwargs() { return message.kwargs(); }
    @Override public Map<String, Object> details() { return message.details(); }
    @Override public String procedure() { return procedure; }
    @Override public Long caller() { return message.details().get("caller") instanceof Long l ? l : null; }
    @Override public boolean progressRequested() { return Boolean.TRUE.equals(message.details().get("receive_progress")); }
    @Override public CompletableFuture<String> interrupted() { return interrupted; }
    @Override public boolean moreChunksFollow() { return Boolean.TRUE.equals(message.details().get("progress")); }

    @Override
    public void progress(List<Object> args, Map<String, Object> kwargs) {
        if (!progressRequested()) return;
        List<Object> a = Payloads.args(args);        // a value that cannot be sent throws here,
        Map<String, Object> kw = Payloads.kwargs(kwargs); // in the handler that sent it
        onLoop(() -> {
            if (!answered && session.invocationOpen(message.request())) {
                session.send(new WampMessage.Yield(message.request(), Map.of("progress", true), a, kw));
            }
        });
    }

    @Override
    public void onChunk(ChunkListener listener) {
        onLoop(() -> {
            chunkListener = listener;
            for (Object[] c : pendingChunks) deliver(c);
            pendingChunks.clear();
        });
    }

    /** On the session's thread: at once when already there, keeping the order of the handler's sends. */
    private void onLoop(Runnable r) {
        if (session.connection().inExecutor()) {
            r.run();
        } else {
            executor.execute(r);
        }
    }

    @SuppressWarnings("unchecked")
    private void deliver(Object[] c) {
        chunkListener.chunk((List<Object>) c[0], (Map<String, Object>) c[1], (Boolean) c[2]);
    }

    void chunk(List<Object> args, Map<String, Object> kwargs, boolean last) {
        Object[] c = {args, kwargs, last};
        if (chunkListener == null) pendingChunks.add(c);
        else deliver(c);
    }

    void run(InvocationHandler handler) {
        try {
            running = handler.invoke(this);
            running.whenComplete((result, failure) -> onLoop(() -> answer(result, failure)));
        } catch (Exception | LinkageError e) {
            answer(null, e);
        }
    }

    private void answer(CallResult result, Throwable failure) {
        if (answered) return;
        answered = true;
        session.invocationDone(message.request());
        if (failure == null) {
            CallResult r = result == null ? CallResult.EMPTY : result;
            try {
                session.send(new WampMessage.Yield(message.request(), Map.of(), Payloads.args(r.args()),
                        Payloads.kwargs(r.kwargs())));
                return;
            } catch (IllegalArgumentException e) {
                failure = new WampException(WampUris.INVALID_ARGUMENT, "the callee's result cannot be sent: " + e.getMessage());
            }
        }
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof WampException w) {
            session.send(new WampMessage.WampError(MessageType.INVOCATION, message.request(), Map.of(), w.error(),
                    w.args(), w.kwargs()));
        } else {
            session.send(new WampMessage.WampError(MessageType.INVOCATION, message.request(), Map.of(),
                    WampUris.RUNTIME_ERROR, List.of(String.valueOf(cause)), Map.of()));
        }
    }

    void interrupt(String mode) {
        // answer first: cancelling the handler's future completes it, which must not answer instead
        answer(null, new WampException(WampUris.CANCELED, "interrupted (mode " + mode + ")"));
        interrupted.complete(mode);
        if (running instanceof CompletableFuture<CallResult> f) {
            f.cancel(false);
        }
    }
}
