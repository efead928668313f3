package dev.pipes.engine.stream;

import dev.pipes.wamp.client.Credentials;
import dev.pipes.wamp.client.ReconnectPolicy;
import dev.pipes.wamp.client.Transport;
import dev.pipes.wamp.client.WampClient;
import dev.pipes.wamp.router.Principal;
import dev.pipes.wamp.router.RealmConfig;
import dev.pipes.wamp.router.Router;
import dev.pipes.wamp.router.RouterCounters;
import dev.pipes.wamp.serialization.Serializers;
import dev.pipes.wamp.transport.memory.InMemoryTransport;
import dev.pipes.wamp.transport.netty.WebSocketServer;
import dev.pipes.wamp.transport.netty.WebSocketSettings;
import dev.pipes.wamp.transport.netty.WebSocketTransport;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A WAMP router of realm {@code pipes} that only admits parties knowing its ticket (an agent runs
 * commands: other users of the machine must not reach one), in one of two roles: the central
 * router of the embedded mode (control) or the endpoint of a reader (the data of its joints,
 * docs/protocol.md). Clients in this JVM reach it without sockets ({@link #memoryUrl()}); a socket
 * server starts only when something outside the JVM needs it ({@link #listen}), so a pipeline that
 * stays in one process never pays for Netty's sockets.
 */
public final class PipesRouter implements AutoCloseable {
    /** The authid every party joins with (ticket authentication). */
    public static final String AUTHID = "pipes";
    private static final AtomicLong IDS = new AtomicLong();
    /** The routers of this JVM by their memory URL (a writer given a ws:// URL uses the socket, even to this JVM). */
    private static final Map<String, PipesRouter> LOCAL = new ConcurrentHashMap<>();

    private final Router router;
    private final String authid;
    private final String ticket;
    private final String memoryUrl;
    private WebSocketServer server;
    private URI webSocketUri;

    private PipesRouter(Router router, String authid, String ticket) {
        this.router = router;
        this.authid = authid;
        this.ticket = ticket;
        this.memoryUrl = "memory://pipes-router-" + IDS.incrementAndGet() + "/";
        LOCAL.put(memoryUrl, this);
    }

    /** A router with a ticket drawn at random. */
    public static PipesRouter start() {
        byte[] secret = new byte[24];
        new java.security.SecureRandom().nextBytes(secret);
        return start(AUTHID, java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(secret));
    }

    /** A router admitting {@code authid} with {@code ticket} (an agent's endpoint takes the cluster's ticket). */
    public static PipesRouter start(String authid, String ticket) {
        Router router = new Router(List.of(RealmConfig.open(StreamProtocol.REALM)
                .withPrincipal(Principal.ticket(authid, ticket, "anonymous")).requireAuthentication()));
        return new PipesRouter(router, authid, ticket);
    }

    /** The router in this JVM that answers to {@code url}, if any. */
    static PipesRouter local(String url) {
        return LOCAL.get(url);
    }

    /** The URL clients in this JVM use (no socket). */
    public String memoryUrl() {
        return memoryUrl;
    }

    /**
     * Serves the router on a WebSocket bound to {@code bindHost:port} (0: any free port), once;
     * returns the URL to announce, with {@code announceHost} (null: the bind host) in it.
     */
    public synchronized URI listen(String bindHost, int port, String announceHost) {
        if (webSocketUri != null) return webSocketUri;
        try {
            server = WebSocketServer.start(router, bindHost, port, WebSocketSettings.defaults());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting a WAMP server");
        } catch (RuntimeException e) {
            throw new IllegalStateException("cannot serve WAMP on " + bindHost + ":" + port + ": " + e.getMessage(), e);
        }
        String host = announceHost == null ? bindHost : announceHost;
        if (host.contains(":") && !host.startsWith("[")) host = "[" + host + "]";
        webSocketUri = URI.create("ws://" + host + ":" + server.port() + "/");
        return webSocketUri;
    }

    /** The router's WebSocket URL for processes of this host (served on loopback from the first call on). */
    public URI uri() {
        return listen("127.0.0.1", 0, null);
    }

    /** Every URL the router answers to: in memory first, then its socket (when one serves). */
    public synchronized List<String> urls() {
        List<String> urls = new ArrayList<>();
        urls.add(memoryUrl);
        if (webSocketUri != null) urls.add(webSocketUri.toString());
        return urls;
    }

    public String ticket() {
        return ticket;
    }

    public Credentials credentials() {
        return Credentials.ticket(authid, ticket);
    }

    /** A client of realm {@code pipes} with this router's credentials (not connected yet). */
    public WampClient client(Transport transport) {
        return WampClient.create(transport, StreamProtocol.REALM, credentials(), ReconnectPolicy.NEVER);
    }

    /** A transport to this router without sockets, for clients in this JVM. */
    public Transport inMemoryTransport() {
        return new InMemoryTransport(router);
    }

    /** A transport to this router over loopback WebSocket (MessagePack), as a process of this host would use. */
    public Transport webSocketTransport() {
        return new WebSocketTransport(uri(), List.of(Serializers.MSGPACK), WebSocketSettings.defaults(), WebSocketTransport.shared());
    }

    /** What the router has carried so far. */
    public RouterCounters counters() {
        return router.counters();
    }

    @Override
    public synchronized void close() {
        LOCAL.remove(memoryUrl);
        try {
            if (server != null) server.close();
        } finally {
            router.close();
        }
    }
}
