package dev.pipes.wamp.transport.netty;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocket08FrameDecoder;
import io.netty.handler.codec.http.websocketx.WebSocketDecoderConfig;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

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
        byte[] payload = "payload that must arrive unchanged, long enough for the 8-byte loop".getBytes(StandardCharsets.UTF_8);
        for (FrameMasking masking : FrameMasking.values()) {
            byte[] wire = encode(masking, payload);
            assertTrue((wire[1] & 0x80) != 0, masking + ": the MASK bit is set");
            boolean plainOnTheWire = indexOf(wire, payload) >= 0;
            assertEquals(masking == FrameMasking.ZERO_KEY, plainOnTheWire, masking + ": payload visible on the wire");

            EmbeddedChannel server = new EmbeddedChannel(new WebSocket08FrameDecoder(
                    WebSocketDecoderConfig.newBuilder().expectMaskedFrames(true).allowMaskMismatch(false).build()));
            server.writeInbound(Unpooled.wrappedBuffer(wire));
            BinaryWebSocketFrame frame = server.readInbound();
            assertArrayEquals(payload, ByteBufUtil.getBytes(frame.content()), masking + ": decoded payload");
            frame.release();
        }
    }

    private static byte[] encode(FrameMasking masking, byte[] payload) {
        EmbeddedChannel client = new EmbeddedChannel(masking.encoder());
        client.writeOutbound(new BinaryWebSocketFrame(Unpooled.wrappedBuffer(payload)));
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
