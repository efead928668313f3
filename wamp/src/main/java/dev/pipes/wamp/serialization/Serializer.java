package dev.pipes.wamp.serialization;

import dev.pipes.wamp.message.ProtocolViolation;
import dev.pipes.wamp.message.WampMessage;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;

/** A WAMP serializer: turns messages into the bytes of one WebSocket message and back. */
public interface Serializer {

    /** The WebSocket subprotocol that selects this serializer, e.g. {@code wamp.2.json}. */
    String subprotocol();

    /** True when messages travel in binary WebSocket frames, false for text frames. */
    boolean isBinary();

    void encode(WampMessage message, OutputStream out) throws IOException;

    /** Decodes one complete message; anything that is not valid WAMP is a {@link ProtocolViolation}. */
    WampMessage decode(byte[] data, int offset, int length);

    default WampMessage decode(ByteBuffer data) {
        if (data.hasArray()) {
            return decode(data.array(), data.arrayOffset() + data.position(), data.remaining());
        }
        byte[] copy = new byte[data.remaining()];
        data.duplicate().get(copy);
        return decode(copy, 0, copy.length);
    }

    default byte[] encode(WampMessage message) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(128);
        try {
            encode(message, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    default WampMessage decode(byte[] data) {
        return decode(data, 0, data.length);
    }
}
