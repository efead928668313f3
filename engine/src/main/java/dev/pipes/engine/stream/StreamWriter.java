package dev.pipes.engine.stream;

import dev.pipes.wamp.client.CallResult;
import dev.pipes.wamp.client.Options;
import dev.pipes.wamp.client.WampClient;
import dev.pipes.wamp.client.WampException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The writing side of a stream procedure: sends data calls {@code [seq, bytes]} to the reader's
 * procedure on one connection (the reader's endpoint, or the central router), never more than
 * {@link StreamProtocol#WINDOW} unanswered, so a slow reader slows this writer and nothing queues
 * without bound. The procedure may carry several streams one after the other ({@link #endStream});
 * in a block joint every call names the writer ({@code writer} kwarg) and the last one says
 * {@code end}. Blocking; meant for one producing thread.
 */
public final class StreamWriter implements ChunkSink {
    private final WampClient client;
    private final String procedure;
    private final Integer writer;
    private final Runnable onDone;
    private final Semaphore permits = new Semaphore(StreamProtocol.WINDOW);
    private long seq;
    private volatile IOException failure;
    private boolean finished;
    private boolean released;

    /** A writer of one plain stream (no {@code writer} kwarg: any reader, protocol 1 included, takes it). */
    public StreamWriter(WampClient client, String procedure) {
        this(client, procedure, null);
    }

    /** A writer in a block joint, as writer {@code writer} of its reader (null: a plain stream). */
    public StreamWriter(WampClient client, String procedure, Integer writer) {
        this(client, procedure, writer, () -> { });
    }

    /** As above; {@code onDone} runs once when the writer finished, ended or aborted (its connection is free again). */
    StreamWriter(WampClient client, String procedure, Integer writer, Runnable onDone) {
        this.client = client;
        this.procedure = procedure;
        this.writer = writer;
        this.onDone = onDone;
    }

    public String procedure() {
        return procedure;
    }

    @Override
    public void write(byte[] data) throws IOException {
        if (data.length > StreamProtocol.MAX_CHUNK) {
            throw new IllegalArgumentException("a chunk is at most " + StreamProtocol.MAX_CHUNK + " bytes");
        }
        if (finished) throw new IOException("stream to " + procedure + " already ended");
        acquire(1);
        send(data, Map.of());
    }

    /** Ends the current stream without waiting; the next write starts a new one (seq 0). */
    public void endStream() throws IOException {
        if (finished) throw new IOException("stream to " + procedure + " already ended");
        acquire(1);
        send(new byte[0], Map.of(StreamProtocol.EOF, true));
        seq = 0;
    }

    /** Ends the stream and waits until the reader has passed everything on. */
    @Override
    public void finish() throws IOException {
        if (finished) return;
        try {
            endStream();
            finished = true;
            drain();
        } finally {
            release();
        }
    }

    /** Says that no stream follows from this writer (a block joint's closing call) and waits for every answer. */
    public void end() throws IOException {
        if (finished) return;
        try {
            acquire(1);
            finished = true;
            send(new byte[0], Map.of(StreamProtocol.EOF, true, StreamProtocol.END, true));
            drain();
        } finally {
            release();
        }
    }

    private void release() {
        if (released) return;
        released = true;
        onDone.run();
    }

    private void drain() throws IOException {
        acquire(StreamProtocol.WINDOW);
        permits.release(StreamProtocol.WINDOW);
        IOException f = failure;
        if (f != null) throw f;
    }

    @Override
    public void abort() {
        finished = true;
        try {
            if (permits.tryAcquire(StreamProtocol.WINDOW, 2, TimeUnit.SECONDS)) permits.release(StreamProtocol.WINDOW);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            release();
        }
    }

    @Override
    public IOException failure() {
        return failure;
    }

    private void acquire(int n) throws IOException {
        IOException f = failure;
        if (f != null) throw f;
        try {
            permits.acquire(n);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while writing to " + procedure);
        }
        f = failure;
        if (f != null) {
            permits.release(n);
            throw f;
        }
    }

    private void send(byte[] data, Map<String, Object> kwargs) {
        Map<String, Object> kw = kwargs;
        if (writer != null) {
            kw = new java.util.HashMap<>(kwargs);
            kw.put(StreamProtocol.WRITER, writer);
        }
        CompletableFuture<CallResult> answer = client.call(procedure, Options.Call.DEFAULT, List.of(seq++, data), kw).result();
        answer.whenComplete((result, error) -> {
            if (error != null) fail(error);
            permits.release();
        });
    }

    private void fail(Throwable error) {
        Throwable cause = error instanceof java.util.concurrent.CompletionException && error.getCause() != null
                ? error.getCause() : error;
        if (failure != null) return;
        if (cause instanceof WampException w && w.error().equals(StreamProtocol.ERROR_CLOSED)) {
            failure = new StreamClosedException("the reader of " + procedure + " closed the stream");
        } else {
            failure = new IOException("stream to " + procedure + " failed: " + cause.getMessage(), cause);
        }
    }
}
