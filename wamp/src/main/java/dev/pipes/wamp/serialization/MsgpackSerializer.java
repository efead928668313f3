package dev.pipes.wamp.serialization;

import dev.pipes.wamp.message.MessageParser;
import dev.pipes.wamp.message.ProtocolViolation;
import dev.pipes.wamp.message.WampMessage;
import org.msgpack.core.MessageFormat;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessagePackException;
import org.msgpack.core.MessagePacker;
import org.msgpack.core.MessageUnpacker;
import org.msgpack.core.buffer.ArrayBufferInput;
import org.msgpack.core.buffer.MessageBuffer;
import org.msgpack.core.buffer.OutputStreamBufferOutput;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code wamp.2.msgpack}: MessagePack in binary frames; binary values are native {@code bin}.
 * Every length a frame announces is checked against the bytes that remain, so a hostile header
 * cannot make us allocate more than the frame itself holds.
 */
public final class MsgpackSerializer implements Serializer {
    public static final String SUBPROTOCOL = "wamp.2.msgpack";
    private static final MessagePack.PackerConfig PACKER = new MessagePack.PackerConfig().withBufferSize(512);
    private static final byte[] EMPTY = new byte[0];
    /**
     * A packer and an unpacker per thread, reused for every message: making them (and their buffers)
     * anew cost more than packing a small call. A message that fails half-way drops its thread's pair.
     */
    private static final ThreadLocal<Codec> CODECS = ThreadLocal.withInitial(Codec::new);

    private static final class Codec {
        final OutputStreamBufferOutput output = new OutputStreamBufferOutput(OutputStream.nullOutputStream(), 512);
        final MessagePacker packer = PACKER.newPacker(output);
        final ArrayBufferInput input = new ArrayBufferInput(EMPTY);
        final MessageUnpacker unpacker = MessagePack.DEFAULT_UNPACKER_CONFIG.newUnpacker(input);
    }

    @Override
    public String subprotocol() {
        return SUBPROTOCOL;
    }

    @Override
    public boolean isBinary() {
        return true;
    }

    @Override
    public void encode(WampMessage message, OutputStream out) throws IOException {
        Codec codec = CODECS.get();
        boolean done = false;
        try {
            codec.output.reset(out);
            write(codec.packer, message.toFields());
            codec.packer.flush();
            codec.output.reset(OutputStream.nullOutputStream()); // holds no caller's stream in between
            done = true;
        } finally {
            if (!done) CODECS.remove(); // its buffer may hold part of the failed message
        }
    }

    private static void write(MessagePacker p, Object v) throws IOException {
        switch (v) {
            case null -> p.packNil();
            case String s -> p.packString(s);
            case Long l -> p.packLong(l);
            case Integer i -> p.packInt(i);
            case Boolean b -> p.packBoolean(b);
            case byte[] bytes -> {
                p.packBinaryHeader(bytes.length);
                p.writePayload(bytes);
            }
            case List<?> list -> {
                p.packArrayHeader(list.size());
                for (Object o : list) {
                    write(p, o);
                }
            }
            case Map<?, ?> map -> {
                p.packMapHeader(map.size());
                for (Map.Entry<?, ?> e : map.entrySet()) {
                    p.packString(Values.key(e.getKey()));
                    write(p, e.getValue());
                }
            }
            case BigInteger b -> p.packBigInteger(b);
            case Double d -> p.packDouble(d);
            case Float f -> p.packFloat(f);
            case Number n -> p.packLong(Values.integral(n));
            default -> throw Values.unsupported(v);
        }
    }

    @Override
    public WampMessage decode(byte[] data, int offset, int length) {
        // always an array underneath: the Reader takes strings and binaries from it in place
        Codec codec = CODECS.get();
        boolean done = false;
        try {
            codec.input.reset(data, offset, length);
            codec.unpacker.reset(codec.input);
            WampMessage message = decode(codec.unpacker, length);
            codec.input.reset(EMPTY); // holds no caller's array in between
            done = true;
            return message;
        } catch (IOException e) {
            throw new ProtocolViolation("wamp.2.msgpack: " + e.getMessage(), e);
        } finally {
            if (!done) CODECS.remove();
        }
    }

    private static WampMessage decode(MessageUnpacker u, int length) throws IOException {
        if (length == 0) {
            throw new ProtocolViolation("wamp.2.msgpack: empty message");
        }
        Object decoded;
        try {
            decoded = new Reader(u, length).read(0);
            if (u.hasNext()) {
                throw new ProtocolViolation("wamp.2.msgpack: unexpected data after the message at offset "
                        + u.getTotalReadBytes());
            }
        } catch (MessagePackException e) {
            throw new ProtocolViolation("wamp.2.msgpack: malformed data at offset " + u.getTotalReadBytes()
                    + ": " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), e);
        }
        return MessageParser.parse(decoded);
    }

    private record Reader(MessageUnpacker u, int length) {

        private int checkedLength(long announced, long minBytesEach, String what) {
            long remaining = length - u.getTotalReadBytes();
            if (announced < 0 || announced * minBytesEach > remaining) {
                throw new ProtocolViolation("wamp.2.msgpack: " + what + " at offset " + u.getTotalReadBytes()
                        + " announces " + announced + " but only " + remaining + " bytes remain");
            }
            return (int) announced;
        }

        Object read(int depth) throws IOException {
            if (depth > JsonSerializer.MAX_DEPTH) {
                throw new ProtocolViolation("wamp.2.msgpack: nesting deeper than " + JsonSerializer.MAX_DEPTH
                        + " levels at offset " + u.getTotalReadBytes());
            }
            if (!u.hasNext()) {
                throw new ProtocolViolation("wamp.2.msgpack: message ends too early at offset " + u.getTotalReadBytes());
            }
            MessageFormat format = u.getNextFormat();
            switch (format.getValueType()) {
                case NIL:
                    u.unpackNil();
                    return null;
                case BOOLEAN:
                    return u.unpackBoolean();
                case INTEGER:
                    if (format == MessageFormat.UINT64) {
                        BigInteger b = u.unpackBigInteger();
                        return b.bitLength() < 64 ? (Object) b.longValue() : b;
                    }
                    return u.unpackLong();
                case FLOAT:
                    return u.unpackDouble();
                case STRING: {
                    int n = checkedLength(u.unpackRawStringHeader() & 0xffffffffL, 1, "a string");
                    MessageBuffer in = u.readPayloadAsReference(n);
                    return new String(in.array(), in.arrayOffset(), n, StandardCharsets.UTF_8);
                }
                case BINARY: {
                    int n = checkedLength(u.unpackBinaryHeader() & 0xffffffffL, 1, "a binary");
                    // a copy of the range, not readPayload: a new array is zeroed before it is
                    // filled, a copy is not (a tenth of the decoding time of 512 KiB data calls)
                    MessageBuffer in = u.readPayloadAsReference(n);
                    return Arrays.copyOfRange(in.array(), in.arrayOffset(), in.arrayOffset() + n);
                }
                case ARRAY: {
                    int n = checkedLength(u.unpackArrayHeader() & 0xffffffffL, 1, "an array");
                    List<Object> list = new ArrayList<>(n);
                    for (int i = 0; i < n; i++) {
                        list.add(read(depth + 1));
                    }
                    return Collections.unmodifiableList(list);
                }
                case MAP: {
                    int n = checkedLength(u.unpackMapHeader() & 0xffffffffL, 2, "a map");
                    Map<String, Object> map = new LinkedHashMap<>(Math.max(4, n * 2));
                    for (int i = 0; i < n; i++) {
                        long at = u.getTotalReadBytes();
                        if (!(read(depth + 1) instanceof String key)) {
                            throw new ProtocolViolation("wamp.2.msgpack: dict key at offset " + at + " is not a string");
                        }
                        map.put(key, read(depth + 1));
                    }
                    return Collections.unmodifiableMap(map);
                }
                default:
                    throw new ProtocolViolation("wamp.2.msgpack: " + format + " values (extension types) are not "
                            + "allowed in WAMP, at offset " + u.getTotalReadBytes());
            }
        }
    }
}
