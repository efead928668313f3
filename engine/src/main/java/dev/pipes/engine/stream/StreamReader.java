package dev.pipes.engine.stream;

import dev.pipes.wamp.client.CallResult;
import dev.pipes.wamp.client.Handles;
import dev.pipes.wamp.client.Invocation;
import dev.pipes.wamp.client.WampClient;
import dev.pipes.wamp.client.WampException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/**
 * The reading side of a joint: a stream procedure, registered on one or more WAMP connections (the
 * central router and the reader's own endpoint), that takes data calls {@code [seq, bytes]} from
 * one writer or several (kwarg {@code writer}) and queues each writer's calls in order. Whoever
 * consumes the joint {@link #take takes} chunks writer by writer and {@link Chunk#passed answers}
 * each once it has passed it on: the answer is the acknowledgement that drives the writer's window,
 * so a queue never holds more than twice a window per writer.
 *
 * <p>The procedure is open (takes new streams, seq 0 from each writer) from registration on;
 * {@link #closeStream} refuses everything with {@code stream_closed} (the consumer went away) until
 * {@link #reopen}. Calls that arrive before their consumer starts simply wait.
 */
public final class StreamReader implements AutoCloseable {
    /** One data call: a chunk of one writer's current stream, or its end. Answer it exactly once. */
    public static final class Chunk {
        private final byte[] data;
        private final boolean eof;
        private final boolean end;
        private final CompletableFuture<CallResult> answer;

        Chunk(byte[] data, boolean eof, boolean end, CompletableFuture<CallResult> answer) {
            this.data = data;
            this.eof = eof;
            this.end = end;
            this.answer = answer;
        }

        public byte[] data() {
            return data;
        }

        /** The last call of a stream (its data is empty). */
        public boolean eof() {
            return eof;
        }

        /** The writer sends no more streams (a block joint's closing call). */
        public boolean end() {
            return end;
        }

        /** The chunk was passed on: answers the writer's call. */
        public void passed() {
            answer.complete(CallResult.EMPTY);
        }

        void refuse(WampException error) {
            answer.completeExceptionally(error);
        }
    }

    /** One writer's queue and the sequence number it must send next. */
    private static final class Lane {
        final ArrayDeque<Chunk> queue = new ArrayDeque<>();
        long expected;
    }

    private final String procedure;
    private final Map<Integer, Lane> lanes = new HashMap<>();
    private final List<Handles.Registration> registrations = new ArrayList<>();
    private boolean closed;
    private boolean shutdown;

    private StreamReader(String procedure) {
        this.procedure = procedure;
    }

    /** Registers {@code procedure} on every client; completes once every router has the registration. */
    public static CompletableFuture<StreamReader> register(String procedure, List<WampClient> clients) {
        StreamReader reader = new StreamReader(procedure);
        List<CompletableFuture<Handles.Registration>> all = new ArrayList<>();
        for (WampClient client : clients) all.add(client.register(procedure, reader::invoke));
        return CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).handle((v, e) -> {
            for (CompletableFuture<Handles.Registration> r : all) {
                if (!r.isCompletedExceptionally()) reader.registrations.add(r.join());
            }
            if (e != null) {
                reader.close();
                throw e instanceof java.util.concurrent.CompletionException c ? c : new java.util.concurrent.CompletionException(e);
            }
            return reader;
        });
    }

    public String procedure() {
        return procedure;
    }

    /**
     * The next chunk of {@code writer}'s streams, in order; waits for it. Throws
     * {@link StreamClosedException} once the procedure was closed, {@link InterruptedException} when
     * the thread is interrupted.
     */
    public Chunk take(int writer) throws InterruptedException, StreamClosedException {
        synchronized (this) {
            Lane lane = lane(writer);
            while (lane.queue.isEmpty() && !closed && !shutdown) wait();
            if (closed || shutdown) throw new StreamClosedException("the input " + procedure + " was closed");
            Chunk chunk = lane.queue.poll();
            notifyAll();
            return chunk;
        }
    }

    /**
     * The consumer went away (a process exited, a file closed): every waiting and later data call
     * is answered with {@link StreamProtocol#ERROR_CLOSED}, and takers wake up, until {@link #reopen}.
     */
    public synchronized void closeStream() {
        closed = true;
        failQueued();
        notifyAll();
    }

    /** Takes new streams again (every writer from seq 0), e.g. for an agent's next run. */
    public synchronized void reopen() {
        failQueued();
        lanes.clear();
        closed = false;
    }

    private Lane lane(int writer) {
        return lanes.computeIfAbsent(writer, w -> new Lane());
    }

    private CompletionStage<CallResult> invoke(Invocation call) {
        List<Object> args = call.args();
        if (args.size() < 2 || !(args.get(0) instanceof Number n) || !(args.get(1) instanceof byte[] data)) {
            throw new WampException(StreamProtocol.ERROR_INVALID, "a data call has the arguments [seq:int, data:bytes]");
        }
        if (data.length > StreamProtocol.MAX_CHUNK) {
            throw new WampException(StreamProtocol.ERROR_LIMIT, "a chunk is at most " + StreamProtocol.MAX_CHUNK + " bytes");
        }
        Map<String, Object> kw = call.kwargs();
        boolean eof = Boolean.TRUE.equals(kw.get(StreamProtocol.EOF));
        boolean end = eof && Boolean.TRUE.equals(kw.get(StreamProtocol.END));
        int writer = kw.get(StreamProtocol.WRITER) instanceof Number w ? w.intValue() : 0;
        if (writer < 0 || writer >= StreamProtocol.MAX_WRITERS) {
            throw new WampException(StreamProtocol.ERROR_INVALID, "writer must be 0.." + (StreamProtocol.MAX_WRITERS - 1));
        }
        CompletableFuture<CallResult> answer = new CompletableFuture<>();
        synchronized (this) {
            if (closed || shutdown) throw closedError();
            Lane lane = lane(writer);
            long seq = n.longValue();
            if (seq != lane.expected) {
                throw new WampException(StreamProtocol.ERROR_OUT_OF_ORDER, List.of("expected seq " + lane.expected + ", got " + seq),
                        Map.of("expected", lane.expected));
            }
            if (lane.queue.size() >= 2 * StreamProtocol.WINDOW) {
                throw new WampException(StreamProtocol.ERROR_LIMIT, "more than " + StreamProtocol.WINDOW + " calls unanswered");
            }
            lane.expected = eof ? 0 : seq + 1;
            lane.queue.add(new Chunk(data, eof, end, answer));
            notifyAll();
        }
        return answer;
    }

    WampException closedError() {
        return new WampException(StreamProtocol.ERROR_CLOSED, "the reader of " + procedure + " takes no more data");
    }

    private void failQueued() {
        WampException error = closedError();
        for (Lane lane : lanes.values()) {
            Chunk chunk;
            while ((chunk = lane.queue.poll()) != null) chunk.refuse(error);
        }
    }

    /** Unregisters the procedure everywhere; unanswered calls get an error and takers wake up. */
    @Override
    public void close() {
        synchronized (this) {
            shutdown = true;
            failQueued();
            notifyAll();
        }
        for (Handles.Registration r : registrations) r.unregister().orTimeout(2, TimeUnit.SECONDS).exceptionally(e -> null);
    }
}
