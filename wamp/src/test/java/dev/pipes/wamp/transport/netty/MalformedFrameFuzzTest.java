package dev.pipes.wamp.transport.netty;

import dev.pipes.wamp.client.CallResult;
import dev.pipes.wamp.client.InvocationHandler;
import dev.pipes.wamp.client.WampClient;
import dev.pipes.wamp.message.MessageType;
import dev.pipes.wamp.message.ProtocolViolation;
import dev.pipes.wamp.message.WampMessage;
import dev.pipes.wamp.message.WampMessage.*;
import dev.pipes.wamp.message.WampUris;
import dev.pipes.wamp.router.RealmConfig;
import dev.pipes.wamp.router.Router;
import dev.pipes.wamp.serialization.Serializer;
import dev.pipes.wamp.serialization.Serializers;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler.HandshakeComplete;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/**
 * At least 10,000 malformed frames (random bytes, truncated and corrupted messages, wrong element
 * types, unknown codes, messages out of order) through the router's real channel handlers: each
 * offending session gets ABORT wamp.error.protocol_violation and is closed, no session leaks, and
 * a normal call over WebSocket still works afterwards.
 */
class MalformedFrameFuzzTest {
    static final int FRAMES = 10_000;
    static final List<WampMessage> VALID = List.of(
            new Hello("realm1", Map.of("roles", Map.of("caller", Map.of()))),
            new Call(1, Map.of("receive_progress", true), "com.proc", List.of("a", 1L, new byte[]{0, 1}), Map.of("k", 2.5)),
            new Publish(2, Map.of(), "com.topic", List.of(List.of(1L, 2L)), Map.of()),
            new Register(3, Map.of("match", "prefix"), "com."),
            new Yield(4, Map.of(), List.of("r"), Map.of()),
            new Subscribe(5, Map.of(), "com.t"));
    /** Messages only a router sends: a client sending one is out of order in any state. */
    static final List<WampMessage> ROUTER_ONLY = List.of(
            new Welcome(1, Map.of()), new Result(1, Map.of(), null, null), new Invocation(1, 2, Map.of(), null, null),
            new Event(1, 2, Map.of(), null, null), new Challenge("ticket", Map.of()), new Registered(1, 2),
            new Interrupt(1, Map.of()), new Published(1, 2), new Subscribed(1, 2));

    final Random random = new Random(20261130);

    @Test
    void tenThousandMalformedFramesThenANormalCall() throws Exception {
        try (Router router = new Router(List.of(RealmConfig.open("realm1")))) {
            int malformed = 0;
            int acceptedMutants = 0;
            int[] kinds = new int[6];
            while (malformed < FRAMES) {
                Serializer serializer = random.nextBoolean() ? Serializers.JSON : Serializers.MSGPACK;
                boolean established = random.nextBoolean();
                int kind = random.nextInt(6);
                byte[] frame = frame(kind, serializer, established);
                WampMessage decoded = tryDecode(serializer, frame);
                boolean outOfOrder = decoded != null && (ROUTER_ONLY.stream().anyMatch(m -> m.type() == decoded.type())
                        || established == (decoded instanceof Hello) || !established && !(decoded instanceof Hello));
                if (decoded != null && !outOfOrder) {
                    acceptedMutants++; // a corruption that happens to be a valid message: not what we test
                    continue;
                }
                String reason = router.loop().submit(() -> exchange(router, serializer, established, frame))
                        .get(5, TimeUnit.SECONDS);
                assertEquals(WampUris.PROTOCOL_VIOLATION, reason, () -> "kind " + kind + " frame " + describe(frame));
                malformed++;
                kinds[kind]++;
            }
            System.out.printf("fuzz: %d malformed frames by kind %s answered with ABORT and closed; "
                    + "%d corrupted frames were still valid messages and skipped%n", malformed, Arrays.toString(kinds),
                    acceptedMutants);
            assertEquals(0, router.sessionCount().get(5, TimeUnit.SECONDS), "no session leaked");

            try (WebSocketServer server = WebSocketServer.start(router, "127.0.0.1", 0, WebSocketSettings.defaults())) {
                URI uri = URI.create("ws://127.0.0.1:" + server.port() + "/");
                try (WampClient callee = WampClient.create(new WebSocketTransport(uri, List.of(Serializers.MSGPACK)), "realm1");
                     WampClient caller = WampClient.create(new WebSocketTransport(uri, List.of(Serializers.JSON)), "realm1")) {
                    callee.connect().get(5, TimeUnit.SECONDS);
                    caller.connect().get(5, TimeUnit.SECONDS);
                    callee.register("com.ok", InvocationHandler.sync(inv -> CallResult.of("still serving")))
                            .get(5, TimeUnit.SECONDS);
                    assertEquals("still serving", caller.call("com.ok").get(5, TimeUnit.SECONDS).arg(0));
                }
            }
        }
    }

    private static String describe(byte[] frame) {
        String hex = ByteBufUtil.hexDump(frame);
        return hex.length() > 200 ? hex.substring(0, 200) + "..." : hex;
    }

    private static WampMessage tryDecode(Serializer s, byte[] frame) {
        try {
            return s.decode(frame);
        } catch (ProtocolViolation e) {
            return null;
        }
    }

    private byte[] frame(int kind, Serializer s, boolean established) {
        byte[] valid = s.encode(VALID.get(random.nextInt(VALID.size())));
        return switch (kind) {
            case 0 -> { // random bytes
                byte[] b = new byte[random.nextInt(64)];
                random.nextBytes(b);
                yield b;
            }
            case 1 -> Arrays.copyOf(valid, random.nextInt(valid.length)); // truncated
            case 2 -> { // a few corrupted bytes
                byte[] b = valid.clone();
                for (int i = 0, n = 1 + random.nextInt(3); i < n; i++) b[random.nextInt(b.length)] = (byte) random.nextInt(256);
                yield b;
            }
            case 3 -> text(s, List.of( // wrong shapes and element types, unknown codes
                    "{}", "[]", "\"hello\"", "42", "[99, 1]", "[0]", "[-1]", "[48, \"x\", {}, \"p\"]", "[48, 1, [], \"p\"]",
                    "[48, 1, {}, \"\"]", "[16, 1, {}, \"t\", {}]", "[1, \"realm1\"]", "[64, 9007199254740993, {}, \"p\"]",
                    "[70, 1, {}, [], [], []]", "[8, 99, 1, {}, \"e\"]", "[null]", "[1.5, 2]")
                    .get(random.nextInt(17)));
            case 4 -> s.encode(established ? ROUTER_ONLY.get(random.nextInt(ROUTER_ONLY.size())) // out of order
                    : VALID.get(1 + random.nextInt(VALID.size() - 1)));
            default -> { // deep nesting
                int depth = 300 + random.nextInt(2000);
                yield s.isBinary() ? nestedMsgpack(depth) : ("[48,1,{},\"p\"," + "[".repeat(depth) + "]".repeat(depth) + "]")
                        .getBytes(StandardCharsets.UTF_8);
            }
        };
    }

    private static byte[] nestedMsgpack(int depth) {
        byte[] b = new byte[depth + 1];
        Arrays.fill(b, (byte) 0x91); // array of one element, again and again
        b[depth] = 0x01;
        return b;
    }

    /** JSON text as is; for msgpack the same structure re-encoded (when it parses as JSON at all). */
    private static byte[] text(Serializer s, String json) {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        if (!s.isBinary()) return bytes;
        try {
            Object tree = new com.fasterxml.jackson.databind.ObjectMapper().readValue(json, Object.class);
            return new org.msgpack.jackson.dataformat.MessagePackMapper().writeValueAsBytes(tree);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** On the router's loop: one session, optionally joined, gets the frame; returns the ABORT reason. */
    private static String exchange(Router router, Serializer s, boolean established, byte[] frame) {
        EmbeddedChannel ch = new EmbeddedChannel(new RouterChannelHandler(router, WebSocketSettings.DEFAULT_MAX_MESSAGE_SIZE));
        ch.pipeline().fireUserEventTriggered(new HandshakeComplete("/", new DefaultHttpHeaders(), s.subprotocol()));
        if (established) {
            ch.writeInbound(wrap(s, s.encode(VALID.get(0))));
            WampMessage welcome = read(ch, s);
            assertInstanceOf(Welcome.class, welcome);
        }
        ch.writeInbound(wrap(s, frame));
        WampMessage answer = read(ch, s);
        assertFalse(ch.isActive(), "the offending session is closed");
        ch.finishAndReleaseAll();
        return answer instanceof Abort a ? a.reason() : String.valueOf(answer);
    }

    private static WebSocketFrame wrap(Serializer s, byte[] bytes) {
        ByteBuf buf = Unpooled.wrappedBuffer(bytes);
        return s.isBinary() ? new BinaryWebSocketFrame(buf) : new TextWebSocketFrame(buf);
    }

    private static WampMessage read(EmbeddedChannel ch, Serializer s) {
        WebSocketFrame f = ch.readOutbound();
        assertNotNull(f, "the router answered");
        try {
            return s.decode(ByteBufUtil.getBytes(f.content()));
        } finally {
            f.release();
        }
    }
}
