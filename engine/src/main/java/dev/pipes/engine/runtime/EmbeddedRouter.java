package dev.pipes.engine.runtime;

import dev.pipes.engine.stream.StreamProtocol;
import dev.pipes.wamp.client.Credentials;
import dev.pipes.wamp.client.ReconnectPolicy;
import dev.pipes.wamp.client.Transport;
import dev.pipes.wamp.client.WampClient;
import dev.pipes.wamp.router.Principal;
import dev.pipes.wamp.router.RealmConfig;
import dev.pipes.wamp.router.Router;
import dev.pipes.wamp.serialization.Serializers;
import dev.pipes.wamp.transport.memory.InMemoryTransport;
import dev.pipes.wamp.transport.netty.IoTransport;
import dev.pipes.wamp.transport.netty.WebSocketServer;
import dev.pipes.wamp.transport.netty.WebSocketSettings;
import dev.pipes.wamp.transport.netty.WebSocketTransport;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.URI;
import java.util.List;

/**
 * The WAMP router pipesh runs in its own process, serving realm {@code pipes} on a loopback
 * WebSocket port (chosen by the system) and to in-process clients over the in-memory transport.
 * Joining takes a ticket made at random for this router: an agent can run commands, so other
 * users of the machine must not be able to call it through the loopback port.
 */
public final class EmbeddedRouter implements AutoCloseable {
    /** The authid every party of the embedded router joins with (ticket authentication). */
    public static final String AUTHID = "pipes";

    private final Router router;
    private final String ticket;
    private final WebSocketServer server;
    private final EventLoopGroup clientGroup;

    private EmbeddedRouter(Router router, String ticket, WebSocketServer server, EventLoopGroup clientGroup) {
        this.router = router;
        this.ticket = ticket;
        this.server = server;
        this.clientGroup = clientGroup;
    }

    public static EmbeddedRouter start() {
        byte[] secret = new byte[24];
        new java.security.SecureRandom().nextBytes(secret);
        String ticket = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Router router = new Router(List.of(RealmConfig.open(StreamProtocol.REALM)
                .withPrincipal(Principal.ticket(AUTHID, ticket, "anonymous")).requireAuthentication()));
        try {
            WebSocketServer server = WebSocketServer.start(router, "127.0.0.1", 0, WebSocketSettings.defaults());
            EventLoopGroup clients = new MultiThreadIoEventLoopGroup(2,
                    new DefaultThreadFactory("pipes-agent-io", true), IoTransport.handlerFactory());
            return new EmbeddedRouter(router, ticket, server, clients);
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

    /** The ticket that lets a client join (given to agent processes as $PIPES_TICKET). */
    public String ticket() {
        return ticket;
    }

    /** A client of realm {@code pipes} with this router's credentials (not connected yet). */
    public WampClient client(Transport transport) {
        return WampClient.create(transport, StreamProtocol.REALM, Credentials.ticket(AUTHID, ticket), ReconnectPolicy.NEVER);
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
