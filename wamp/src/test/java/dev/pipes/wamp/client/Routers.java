package dev.pipes.wamp.client;

import dev.pipes.wamp.router.RealmConfig;
import dev.pipes.wamp.router.Router;
import dev.pipes.wamp.serialization.Serializer;
import dev.pipes.wamp.serialization.Serializers;
import dev.pipes.wamp.transport.memory.InMemoryTransport;
import dev.pipes.wamp.transport.netty.WebSocketServer;
import dev.pipes.wamp.transport.netty.WebSocketSettings;
import dev.pipes.wamp.transport.netty.WebSocketTransport;

import java.net.URI;
import java.util.List;
import java.util.function.Function;

/** A router with a WebSocket server on a free loopback port, and ways to reach it. */
final class Routers implements AutoCloseable {
    final Router router;
    final WebSocketServer server;

    Routers(List<RealmConfig> realms, WebSocketSettings settings) throws InterruptedException {
        router = new Router(realms);
        server = WebSocketServer.start(router, "127.0.0.1", 0, settings);
    }

    Routers() throws InterruptedException {
        this(List.of(RealmConfig.open("realm1")), WebSocketSettings.defaults());
    }

    URI uri() {
        return URI.create("ws://127.0.0.1:" + server.port() + "/ws");
    }

    Transport websocket(Serializer serializer) {
        return new WebSocketTransport(uri(), List.of(serializer));
    }

    /** The ways a client can reach the router, by name, for parameterized tests. */
    Function<String, Transport> transports() {
        return name -> switch (name) {
            case "in-memory" -> new InMemoryTransport(router);
            case "json" -> websocket(Serializers.JSON);
            case "msgpack" -> websocket(Serializers.MSGPACK);
            default -> throw new IllegalArgumentException(name);
        };
    }

    WampClient join(Transport t) {
        WampClient c = WampClient.create(t, "realm1");
        c.connect().join();
        return c;
    }

    @Override
    public void close() {
        server.close();
        router.close();
    }
}
