package dev.pipes.engine.runtime;

import dev.pipes.engine.stream.StreamProtocol;
import dev.pipes.wamp.client.Transport;
import dev.pipes.wamp.router.RealmConfig;
import dev.pipes.wamp.router.Router;
import dev.pipes.wamp.serialization.Serializers;
import dev.pipes.wamp.transport.memory.InMemoryTransport;
import dev.pipes.wamp.transport.netty.WebSocketServer;
import dev.pipes.wamp.transport.netty.WebSocketSettings;
import dev.pipes.wamp.transport.netty.WebSocketTransport;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.URI;
import java.util.List;

/**
 * The WAMP router pipesh runs in its own process, serving realm {@code pipes} on a loopback
 * WebSocket port (chosen by the system) and to in-process clients over the in-memory transport.
 */
public final class EmbeddedRouter implements AutoCloseable {
    private final Router router;
    private final WebSocketServer server;
    private final EventLoopGroup clientGroup;

    private EmbeddedRouter(Router router, WebSocketServer server, EventLoopGroup clientGroup) {
        this.router = router;
        this.server = server;
        this.clientGroup = clientGroup;
    }

    public static EmbeddedRouter start() {
        Router router = new Router(List.of(RealmConfig.open(StreamProtocol.REALM)));
        try {
            WebSocketServer server = WebSocketServer.start(router, "127.0.0.1", 0, WebSocketSettings.defaults());
            EventLoopGroup clients = new MultiThreadIoEventLoopGroup(2,
                    new DefaultThreadFactory("pipes-agent-io", true), NioIoHandler.newFactory());
            return new EmbeddedRouter(router, server, clients);
        } catch (InterruptedException e) {
            router.close();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting the WAMP router");
        } catch (RuntimeException e) {
            router.close();
            throw new IllegalStateException("cannot start the WAMP router: " + e.getMessage(), e);
        }
    }

    /** The router's WebSocket address, for agents in other processes. */
    public URI uri() {
        return URI.create("ws://127.0.0.1:" + server.port() + "/ws");
    }

    /** A transport to this router over loopback WebSocket (MessagePack), as a remote agent would use. */
    public Transport webSocketTransport() {
        return new WebSocketTransport(uri(), List.of(Serializers.MSGPACK), WebSocketSettings.defaults(), clientGroup);
    }

    /** A transport to this router without sockets, for clients in this process. */
    public Transport inMemoryTransport() {
        return new InMemoryTransport(router);
    }

    @Override
    public void close() {
        try {
            server.close();
        } finally {
            router.close();
            clientGroup.shutdownGracefully(0, 1, java.util.concurrent.TimeUnit.SECONDS);
        }
    }
}
