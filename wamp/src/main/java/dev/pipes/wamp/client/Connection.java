package dev.pipes.wamp.client;

import dev.pipes.wamp.message.WampMessage;

import java.util.concurrent.Executor;

/** A client's handle on one transport connection to a router (WebSocket or in-memory). */
public interface Connection {

    /** Events of the connection, all delivered on {@link #executor()}, in order. */
    interface Listener {
        void onMessage(WampMessage message);

        /** The connection closed or broke; {@code reason} says why, for logs and errors. */
        void onClosed(String reason);

        /** The outbound queue went below its low-water mark (true) or above its high-water mark. */
        void onWritabilityChanged(boolean writable);
    }

    /** Queues a message; never blocks. Callable from any thread. */
    void send(WampMessage message);

    /** Closes after sending what was queued. */
    void close();

    /** False while the outbound queue is above its high-water mark. */
    boolean isWritable();

    /** Stops (false) or resumes (true) reading from the router: a client-side brake. */
    void setReading(boolean reading);

    /** The serial executor the listener runs on; the client keeps its session state there. */
    Executor executor();

    /** True when the calling thread is the one of {@link #executor()}. */
    default boolean inExecutor() {
        return false;
    }
}
