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
 * The writing side of one stream: sends data calls {@code [seq, bytes]} to the reader's procedure,
 * never more than {@link StreamProtocol#WINDOW} unanswered, so a slow reader slows this writer and
 * nothing queues without bound. Blocking; meant for one producing thread.
 */
public final class StreamWriter implements AutoCloseable {
    private final WampClient client;
    private final String procedure;
    private final int window;
    private final Semaphore permits;
    private long seq;
    private volatile IOException failure;
    private boolean finished;

    public StreamWriter(WampClient client, String procedure) {
        this(client, procedure, StreamProtocol.WINDOW);
    }

    public StreamWriter(WampClient client, String procedure, int window) {
        if (window < 1 || window > StreamProtocol.WINDOW) {
            throw new IllegalArgumentException("window must be 1.." + StreamProtocol.WINDOW + ", got " + window);
        }
        this.client = client;
        this.procedure = procedure;
        this.window = window;
        this.permits = new Semaphore(window);
    }

    public String procedure() {
        return procedure;
    }

    /**
     * Sends {@code data} as one call (the caller keeps chunks at most {@link StreamProtocol#MAX_CHUNK});
     * the array is handed over and must not be changed afterwards. Blocks while the window is full.
     */
    public void write(byte[] data) throws IOException {
        if (data.length > StreamProtocol.MAX_CHUNK) {
            throw new IllegalArgumentException("a chunk is at most " + StreamProtocol.MAX_CHUNK + " bytes");
        }
        if (finished) throw new IOException("stream to " + procedure + " already ended");
        acquire(1);
        send(data, Map.of());
    }

    /** Sends the end of the stream and waits until the reader has passed everything on. */
    public void finish() throws IOException {
        if (finished) return;
        acquire(1);
        finished = true;
        send(new byte[0], Map.of(StreamProtocol.EOF, true));
        acquire(window);
        permits.release(window);
        IOException f = failure;
        if (f != null) throw f;
    }

    /** Stops writing without an end of stream; waits (briefly) for calls still in flight. */
    public void abort() {
        finished = true;
        try {
            if (permits.tryAcquire(window, 2, TimeUnit.SECONDS)) permits.release(window);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The error that ended the stream, or null while it is fine. */
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
        CompletableFuture<CallResult> answer = client.call(procedure, Options.Call.DEFAULT,
                List.of(seq++, data), kwargs).result();
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

    @Override
    public void close() throws IOException {
        finish();
    }
}
