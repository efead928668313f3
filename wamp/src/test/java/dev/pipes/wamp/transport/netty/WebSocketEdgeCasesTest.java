package dev.pipes.wamp.transport.netty;

import dev.pipes.wamp.message.WampMessage;
import dev.pipes.wamp.message.WampUris;
import dev.pipes.wamp.router.RealmConfig;
import dev.pipes.wamp.router.Router;
import dev.pipes.wamp.serialization.Serializers;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.ContinuationWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/** The WebSocket layer over real loopback sockets: fragments, size limits, garbage, negotiation. */
class WebSocketEdgeCasesTest {
    static final int MAX = 1 << 20;
    Router router;
    WebSocketServer server;
    URI uri;

    @BeforeEach
    void start() throws Exception {
        router = new Router(List.of(RealmConfig.open("realm1")));
        server = WebSocketServer.start(router, "127.0.0.1", 0, WebSocketSettings.defaults().withMaxMessageSize(MAX));
        uri = URI.create("ws://127.0.0.1:" + server.port() + "/ws");
    }

    @AfterEach
    void stop() {
        server.close();
        router.close();
    }

    static WampMessage json(WebSocketFrame f) {
        try {
            return Serializers.JSON.decode(f.content().toString(StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8));
        } finally {
            f.release();
        }
    }

    @Test
    void fragmentedMessagesAreAggregated() throws Exception {
        try (RawWebSocket ws = new RawWebSocket(uri, "wamp.2.json")) {
            ws.send(new TextWebSocketFrame(false, 0, "[1,\"realm1\","));
            ws.send(new ContinuationWebSocketFrame(false, 0, "{\"roles\":"));
            ws.send(new ContinuationWebSocketFrame(true, 0, "{\"caller\":{}}}]"));
            assertInstanceOf(WampMessage.Welcome.class, json(ws.next()));
        }
    }

    @Test
    void aFrameAboveTheMaximumClosesWithMessageTooBig() throws Exception {
        try (RawWebSocket ws = new RawWebSocket(uri, "wamp.2.msgpack")) {
            ws.send(new BinaryWebSocketFrame(Unpooled.wrappedBuffer(new byte[MAX + 1])));
            CloseWebSocketFrame close = assertInstanceOf(CloseWebSocketFrame.class, ws.next());
            assertEquals(1009, close.statusCode());
            assertTrue(close.reasonText().contains(String.valueOf(MAX)), close.reasonText());
            ws.closed.get(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void fragmentsAddingUpAboveTheMaximumCloseWithAClearReason() throws Exception {
        try (RawWebSocket ws = new RawWebSocket(uri, "wamp.2.msgpack")) {
            ws.send(new BinaryWebSocketFrame(false, 0, Unpooled.wrappedBuffer(new byte[MAX / 2])));
            ws.send(new ContinuationWebSocketFrame(false, 0, Unpooled.wrappedBuffer(new byte[MAX / 2])));
            ws.send(new ContinuationWebSocketFrame(true, 0, Unpooled.wrappedBuffer(new byte[MAX / 2])));
            CloseWebSocketFrame close = assertInstanceOf(CloseWebSocketFrame.class, ws.next());
            assertEquals(1009, close.statusCode());
            assertEquals("WAMP message larger than the maximum of 1048576 bytes", close.reasonText());
        }
    }

    @Test
    void aClientCallAboveTheRouterMaximumFailsWithTheRoutersReason() throws Exception {
        try (dev.pipes.wamp.client.WampClient client = dev.pipes.wamp.client.WampClient.create(
                new WebSocketTransport(uri, List.of(Serializers.MSGPACK)), "realm1")) {
            client.connect().get(5, TimeUnit.SECONDS);
            var call = client.call("com.big", dev.pipes.wamp.client.Options.Call.DEFAULT,
                    List.of(new byte[MAX + 1]), java.util.Map.of()).result();
            var e = assertThrows(java.util.concurrent.ExecutionException.class, () -> call.get(5, TimeUnit.SECONDS));
            String reason = e.getCause().getMessage();
            assertTrue(reason.contains("closed by the router: 1009") && reason.contains("1048576"), reason);
        }
    }

    @Test
    void aSilentPeerIsPingedAndClosedButALiveIdleClientStays() throws Exception {
        try (Router r = new Router(List.of(RealmConfig.open("realm1")));
             WebSocketServer s = WebSocketServer.start(r, "127.0.0.1", 0,
                     WebSocketSettings.defaults().withIdlePing(java.time.Duration.ofMillis(200)));
             dev.pipes.wamp.client.WampClient live = dev.pipes.wamp.client.WampClient.create(new WebSocketTransport(
                     URI.create("ws://127.0.0.1:" + s.port() + "/"), List.of(Serializers.JSON)), "realm1");
             RawWebSocket dead = new RawWebSocket(URI.create("ws://127.0.0.1:" + s.port() + "/"), "wamp.2.json")) {
            live.connect().get(5, TimeUnit.SECONDS);
            dead.send(new TextWebSocketFrame("[1,\"realm1\",{\"roles\":{\"caller\":{}}}]"));
            assertInstanceOf(WampMessage.Welcome.class, json(dead.next()));
            // reads nothing more, so never answers a ping (switched on its own loop: with epoll a
            // switch from another thread can lose a race with a read in progress)
            dead.channel.eventLoop().submit(() -> dead.channel.config().setAutoRead(false)).get(5, TimeUnit.SECONDS);
            assertEquals(2, r.sessionCount().get(5, TimeUnit.SECONDS));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (r.sessionCount().get(5, TimeUnit.SECONDS) > 1 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertEquals(1, r.sessionCount().get(5, TimeUnit.SECONDS), "the silent peer was closed");
            Thread.sleep(600); // three more idle periods: the live client answers its pings
            assertTrue(live.isConnected());
            assertEquals(1L, live.call("wamp.session.count").get(5, TimeUnit.SECONDS).arg(0));
        }
    }

    @Test
    void garbageIsAbortedWithTheReason() throws Exception {
        try (RawWebSocket ws = new RawWebSocket(uri, "wamp.2.json")) {
            ws.send(new TextWebSocketFrame("[1, \"realm1\""));
            WampMessage.Abort abort = assertInstanceOf(WampMessage.Abort.class, json(ws.next()));
            assertEquals(WampUris.PROTOCOL_VIOLATION, abort.reason());
            assertTrue(String.valueOf(abort.details().get("message")).startsWith("wamp.2.json: malformed JSON"));
            ws.closed.get(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void aClientWithoutAWampSubprotocolIsTurnedAway() throws Exception {
        try (RawWebSocket ws = new RawWebSocket(uri, null)) { // offers no subprotocol at all
            CloseWebSocketFrame close = assertInstanceOf(CloseWebSocketFrame.class, ws.next());
            assertEquals(1002, close.statusCode());
            assertEquals("no WAMP subprotocol negotiated: offer wamp.2.json or wamp.2.msgpack", close.reasonText());
        }
    }
}
