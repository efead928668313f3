package dev.pipes.wamp.router;

import dev.pipes.wamp.message.WampMessage;

/**
 * The router's handle on the transport that carries one client's messages. All methods are called
 * on the router's event loop. Implementations: a Netty WebSocket channel, an in-memory pipe.
 */
public interface Peer {

    /** Queues a message for the client; never blocks and never drops. */
    void send(WampMessage message);

    /** Sends what was queued, then closes the transport. */
    void close();

    /**
     * False while the outbound queue is above its high-water mark: the client does not read fast
     * enough. The router then stops reading from the sessions that feed this one.
     */
    boolean isWritable();

    /** Stops (false) or resumes (true) reading the client's messages: the flow-control brake. */
    void setReading(boolean reading);

    /** A short description for logs and session details, e.g. "websocket 127.0.0.1:5512 wamp.2.json". */
    String describe();
}
