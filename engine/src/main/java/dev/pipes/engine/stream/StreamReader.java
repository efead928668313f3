package dev.pipes.engine.stream;

import dev.pipes.wamp.client.CallResult;
import dev.pipes.wamp.client.Handles;
import dev.pipes.wamp.client.Invocation;
import dev.pipes.wamp.client.WampClient;
import dev.pipes.wamp.client.WampException;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The reading side of streams: a registered procedure that takes data calls {@code [seq, bytes]}
 * and passes each chunk to the current {@link StreamSink} on a thread of its own, answering a call
 * only once its chunk is passed on. A writer has at most {@link StreamProtocol#WINDOW} calls
 * unanswered, so the queue here never holds more than that. After an end of stream the procedure
 * can carry another stream (sequence numbers restart at 0) once a new sink is attached.
 */
public final class StreamReader implements AutoCloseable {
    private record Chunk(long seq, byte[] data, boolean eof, CompletableFuture<CallResult> answer) {}

    private final String procedure;
    private final ArrayDeque<Chunk> queue = new ArrayDeque<>();
    private final Thread consumer;
    private StreamSink sink;
    private boolean keepSink;
    private long expected;
    private boolean closed;
    private boolean shutdown;
    private volatile Handles.Registration registration;

    private StreamReader(String procedure, String threadName) {
        this.procedure = procedure;
        this.consumer = Thread.ofPlatform().daemon().name(threadName).unstarted(this::consume);
    }

    /** Registers {@code procedure} on {@code client}; completes once the router has the registration. */
    public static CompletableFuture<StreamReader> register(WampClient client, String procedure, StreamSink sink) {
        return register(client, procedure, sink, false);
    }

    /**
     * As {@link #register(WampClient, String, StreamSink)}; with {@code keepSink} the sink stays attached
     * after an end of stream and takes the next stream too (its {@code end} is called at each one).
     */
    public static CompletableFuture<StreamReader> register(WampClient client, String procedure, StreamSink sink,
                                                           boolean keepSink) {
        StreamReader reader = new StreamReader(procedure, "pipes-reader " + procedure);
        reader.sink = sink;
        reader.keepSink = keepSink;
        return client.register(procedure, reader::invoke).thenApply(r -> {
            reader.registration = r;
            reader.consumer.start();
            return reader;
        });
    }

    public String procedure() {
        return procedure;
    }

    /**
     * Opens the procedure for a new stream (sequence numbers from 0) without a sink yet: data calls
     * are taken and wait, at most a window of them, until {@link #attach} gives them a sink.
     */
    public synchronized void reopen() {
        closed = false;
        expected = 0;
        sink = null;
        failQueued();
    }

    /** Attaches the sink of the current stream (the reader waits for one when it has none). */
    public synchronized void attach(StreamSink next) {
        if (closed) return;
        sink = next;
        notifyAll();
    }

    /**
     * The consumer went away (a process exited, a file closed): every waiting and later data call is
     * answered with {@link StreamProtocol#ERROR_CLOSED} until a new sink is attached.
     */
    public synchronized void closeStream() {
        closed = true;
        sink = null;
        failQueued();
        notifyAll();
    }

    private CompletionStage<CallResult> invoke(Invocation call) {
        List<Object> args = call.args();
        if (args.size() < 2 || !(args.get(0) instanceof Number n) || !(args.get(1) instanceof byte[] data)) {
            throw new WampException(StreamProtocol.ERROR_INVALID, "a data call has the arguments [seq:int, data:bytes]");
        }
        boolean eof = Boolean.TRUE.equals(call.kwargs().get(StreamProtocol.EOF));
        if (data.length > StreamProtocol.MAX_CHUNK) {
            throw new WampException(StreamProtocol.ERROR_LIMIT, "a chunk is at most " + StreamProtocol.MAX_CHUNK + " bytes");
        }
        CompletableFuture<CallResult> answer = new CompletableFuture<>();
        synchronized (this) {
            if (closed || shutdown) throw closedError();
            long seq = n.longValue();
            if (seq != expected) {
                throw new WampException(StreamProtocol.ERROR_OUT_OF_ORDER, List.of("expected seq " + expected + ", got " + seq),
                        Map.of("expected", expected));
            }
            if (queue.size() >= 2 * StreamProtocol.WINDOW) {
                throw new WampException(StreamProtocol.ERROR_LIMIT, "more than " + StreamProtocol.WINDOW + " calls unanswered");
            }
            expected = eof ? 0 : seq + 1;
            queue.add(new Chunk(seq, data, eof, answer));
            notifyAll();
        }
        return answer;
    }

    private WampException closedError() {
        return new WampException(StreamProtocol.ERROR_CLOSED, "the reader of " + procedure + " takes no more data");
    }

    private void consume() {
        while (true) {
            Chunk chunk;
            StreamSink target;
            synchronized (this) {
                while (!shutdown && (queue.isEmpty() || sink == null)) {
                    try {
                        wait();
                    } catch (InterruptedException e) {
                        shutdown = true;
                    }
                }
                if (shutdown) {
                    failQueued();
                    return;
                }
                chunk = queue.poll();
                target = sink;
                if (chunk.eof() && !keepSink) sink = null;
            }
            try {
                if (chunk.eof()) target.end();
                else target.write(chunk.data());
                chunk.answer().complete(CallResult.EMPTY);
            } catch (IOException | RuntimeException e) {
                chunk.answer().completeExceptionally(closedError());
                synchronized (this) {
                    if (sink == target) closeStream();
                }
            }
        }
    }

    private void failQueued() {
        Chunk chunk;
        while ((chunk = queue.poll()) != null) chunk.answer().completeExceptionally(closedError());
    }

    /** Unregisters the procedure and stops the consuming thread; unanswered calls get an error. */
    @Override
    public void close() {
        synchronized (this) {
            shutdown = true;
            failQueued();
            notifyAll();
        }
        Handles.Registration r = registration;
        if (r != null) r.unregister().orTimeout(2, java.util.concurrent.TimeUnit.SECONDS).exceptionally(e -> null);
    }
}
