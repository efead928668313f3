package dev.pipes.wamp.transport.memory;

import dev.pipes.wamp.client.Connection;
import dev.pipes.wamp.client.Transport;
import dev.pipes.wamp.message.WampMessage;
import dev.pipes.wamp.router.Peer;
import dev.pipes.wamp.router.Router;
import dev.pipes.wamp.router.RouterSession;
import io.netty.channel.DefaultEventLoop;
import io.netty.util.concurrent.DefaultThreadFactory;

import java.util.concurrent.CompletableFuture;

/**
 * Connects a client to a router in the same JVM without sockets or serialization: messages pass as
 * objects through two {@link Lane}s with socket-like water marks, so flow control works as over
 * WebSocket. Each transport runs its client's callbacks on its own (daemon) thread, which
 * {@link #close()} stops.
 */
public final class InMemoryTransport implements Transport, AutoCloseable {
    public static final int DEFAULT_LOW = 256;
    public static final int DEFAULT_HIGH = 1024;

    private final Router router;
    private final int low;
    private final int high;
    private final DefaultEventLoop clientLoop =
            new DefaultEventLoop(new DefaultThreadFactory("wamp-inmemory-client", true));

    public InMemoryTransport(Router router) {
        this(router, DEFAULT_LOW, DEFAULT_HIGH);
    }

    /** @param low, high water marks in queued messages per direction */
    public InMemoryTransport(Router router, int low, int high) {
        this.router = router;
        this.low = low;
        this.high = high;
    }

    @Override
    public CompletableFuture<Connection> connect(Connection.Listener listener) {
        Lane toRouter = new Lane(low, high, clientLoop, router.loop());
        Lane toClient = new Lane(low, high, router.loop(), clientLoop);
        CompletableFuture<Connection> connected = new CompletableFuture<>();
        router.loop().execute(() -> {
            RouterSession session = router.attach(new RouterSide(toRouter, toClient));
            toRouter.bind(session::onMessage, session::onTransportClosed, listener::onWritabilityChanged);
            toClient.bind(listener::onMessage, () -> listener.onClosed("in-memory connection closed"),
                    session::onWritabilityChanged);
            connected.complete(new ClientSide(toRouter, toClient, clientLoop));
        });
        return connected;
    }

    /** Stops the client thread of this transport; close its clients first. */
    @Override
    public void close() {
        clientLoop.shutdownGracefully(0, 1, java.util.concurrent.TimeUnit.SECONDS);
    }

    private record RouterSide(Lane in, Lane out) implements Peer {
        @Override public void send(WampMessage message) { out.offer(message); }
        @Override public void close() { out.close(); in.close(); }
        @Override public boolean isWritable() { return out.isWritable(); }
        @Override public void setReading(boolean reading) { in.setReading(reading); }
        @Override public String describe() { return "in-memory"; }
    }

    private record ClientSide(Lane out, Lane in, DefaultEventLoop executor) implements Connection {
        @Override public boolean inExecutor() { return executor.inEventLoop(); }
        @Override public void send(WampMessage message) { out.offer(message); }
        @Override public void close() { out.close(); in.close(); }
        @Override public boolean isWritable() { return out.isWritable(); }
        @Override public void setReading(boolean reading) { in.setReading(reading); }
    }
}
