package dev.pipes.wamp.transport.netty;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.ContinuationWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocket08FrameDecoder;
import io.netty.handler.codec.http.websocketx.WebSocketDecoderConfig;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class FrameMaskingTest {
    @Test
    void keyIsZeroOnlyWhereNoIntermediaryReadsTheBytes() {
        assertEquals(FrameMasking.ZERO_KEY, FrameMasking.forUri(URI.create("ws://127.0.0.1:8080/ws")));
        assertEquals(FrameMasking.ZERO_KEY, FrameMasking.forUri(URI.create("ws://127.1.2.3:8080/ws")));
        assertEquals(FrameMasking.ZERO_KEY, FrameMasking.forUri(URI.create("ws://localhost:8080/ws")));
        assertEquals(FrameMasking.ZERO_KEY, FrameMasking.forUri(URI.create("ws://[::1]:8080/ws")));
        assertEquals(FrameMasking.ZERO_KEY, FrameMasking.forUri(URI.create("wss://router.example.org/ws")));
        assertEquals(FrameMasking.RANDOM, FrameMasking.forUri(URI.create("ws://router.example.org/ws")));
        assertEquals(FrameMasking.RANDOM, FrameMasking.forUri(URI.create("ws://10.0.0.7:8080/ws")));
    }

    @Test
    void bothKindsAreMaskedFramesThatAStrictServerDecodes() {
        for (int size : new int[] {0, 1, 100, 125, 126, 1023, 1024, 65_535, 65_536, 700_000}) {
            byte[] payload = new byte[size];
            new java.util.Random(size).nextBytes(payload);
            for (FrameMasking masking : FrameMasking.values()) {
                checkFrame(masking, payload);
            }
        }
    }

    private static void checkFrame(FrameMasking masking, byte[] payload) {
        byte[] wire = encode(masking, payload);
        assertTrue((wire[1] & 0x80) != 0, masking + ": the MASK bit is set");
        if (payload.length >= 16) {
            boolean plainOnTheWire = indexOf(wire, payload) >= 0;
            assertEquals(masking == FrameMasking.ZERO_KEY, plainOnTheWire, masking + ": payload visible on the wire");
        }

        EmbeddedChannel server = new EmbeddedChannel(new WebSocket08FrameDecoder(WebSocketDecoderConfig.newBuilder()
                .expectMaskedFrames(true).allowMaskMismatch(false).maxFramePayloadLength(1 << 20).build()));
        server.writeInbound(Unpooled.wrappedBuffer(wire));
        BinaryWebSocketFrame frame = server.readInbound();
        assertArrayEquals(payload, ByteBufUtil.getBytes(frame.content()), masking + ": decoded payload of " + payload.length);
        frame.release();
    }

    @Test
    void zeroKeyFramesOfEveryKindKeepTheirOpcodeAndFlags() {
        EmbeddedChannel server = new EmbeddedChannel(new WebSocket08FrameDecoder(
                WebSocketDecoderConfig.newBuilder().expectMaskedFrames(true).allowExtensions(true).build()));
        List<WebSocketFrame> frames = List.of(new TextWebSocketFrame(false, 0, "first "),
                new ContinuationWebSocketFrame(true, 0, "last"), new PingWebSocketFrame(Unpooled.wrappedBuffer(new byte[] {1, 2})),
                new PongWebSocketFrame(), new BinaryWebSocketFrame(true, 4, Unpooled.wrappedBuffer(new byte[] {9})),
                new CloseWebSocketFrame(1000, "bye"));
        for (WebSocketFrame sent : frames) {
            String expected = sent.getClass().getSimpleName() + " fin=" + sent.isFinalFragment() + " rsv=" + sent.rsv()
                    + " " + ByteBufUtil.hexDump(sent.content());
            server.writeInbound(Unpooled.wrappedBuffer(encode(FrameMasking.ZERO_KEY, sent)));
            WebSocketFrame got = server.readInbound();
            assertEquals(expected, got.getClass().getSimpleName() + " fin=" + got.isFinalFragment() + " rsv=" + got.rsv()
                    + " " + ByteBufUtil.hexDump(got.content()));
            got.release();
        }
    }

    private static byte[] encode(FrameMasking masking, byte[] payload) {
        return encode(masking, new BinaryWebSocketFrame(Unpooled.wrappedBuffer(payload)));
    }

    private static byte[] encode(FrameMasking masking, WebSocketFrame frame) {
        EmbeddedChannel client = new EmbeddedChannel(masking.encoder());
        client.writeOutbound(frame);
        ByteBuf all = Unpooled.buffer();
        for (ByteBuf part; (part = client.readOutbound()) != null; part.release()) all.writeBytes(part);
        return ByteBufUtil.getBytes(all);
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) return i;
        }
        return -1;
    }
}
