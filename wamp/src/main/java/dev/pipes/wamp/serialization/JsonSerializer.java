package dev.pipes.wamp.serialization;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import dev.pipes.wamp.message.MessageParser;
import dev.pipes.wamp.message.ProtocolViolation;
import dev.pipes.wamp.message.WampMessage;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code wamp.2.json}: UTF-8 JSON in text frames. Binary values travel as strings made of a NUL
 * character followed by the base64 of the bytes, as the specification requires.
 */
public final class JsonSerializer implements Serializer {
    public static final String SUBPROTOCOL = "wamp.2.json";
    /** Deeper structures are refused: no legitimate payload nests this deep, a hostile one might. */
    static final int MAX_DEPTH = 256;

    private final JsonFactory factory = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxStringLength(Integer.MAX_VALUE).maxNestingDepth(MAX_DEPTH).build())
            .build();

    @Override
    public String subprotocol() {
        return SUBPROTOCOL;
    }

    @Override
    public boolean isBinary() {
        return false;
    }

    @Override
    public void encode(WampMessage message, OutputStream out) throws IOException {
        try (JsonGenerator g = factory.createGenerator(out)) {
            write(g, message.toFields());
        }
    }

    private static void write(JsonGenerator g, Object v) throws IOException {
        switch (v) {
            case null -> g.writeNull();
            case String s -> g.writeString(s);
            case Long l -> g.writeNumber(l);
            case Integer i -> g.writeNumber(i);
            case Boolean b -> g.writeBoolean(b);
            case byte[] bytes -> g.writeString("\0" + Base64.getEncoder().encodeToString(bytes));
            case List<?> list -> {
                g.writeStartArray();
                for (Object o : list) {
                    write(g, o);
                }
                g.writeEndArray();
            }
            case Map<?, ?> map -> {
                g.writeStartObject();
                for (Map.Entry<?, ?> e : map.entrySet()) {
                    g.writeFieldName(Values.key(e.getKey()));
                    write(g, e.getValue());
                }
                g.writeEndObject();
            }
            case java.math.BigInteger b -> g.writeNumber(b);
            case Double d -> g.writeNumber(d);
            case Float f -> g.writeNumber(f);
            case Number n -> g.writeNumber(Values.integral(n));
            default -> throw Values.unsupported(v);
        }
    }

    @Override
    public WampMessage decode(byte[] data, int offset, int length) {
        Object decoded;
        try (JsonParser p = factory.createParser(data, offset, length)) {
            if (p.nextToken() == null) {
                throw new ProtocolViolation("wamp.2.json: empty message");
            }
            decoded = read(p);
            if (p.nextToken() != null) {
                throw new ProtocolViolation("wamp.2.json: unexpected data after the message at offset "
                        + p.currentTokenLocation().getByteOffset());
            }
        } catch (IOException e) {
            throw new ProtocolViolation("wamp.2.json: malformed JSON: " + firstLine(e.getMessage()), e);
        }
        return MessageParser.parse(decoded);
    }

    static String firstLine(String s) {
        if (s == null) return "(no detail)";
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    private static Object read(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        switch (t) {
            case START_ARRAY: {
                List<Object> list = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    list.add(read(p));
                }
                return Collections.unmodifiableList(list);
            }
            case START_OBJECT: {
                Map<String, Object> map = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    p.nextToken();
                    map.put(key, read(p));
                }
                return Collections.unmodifiableMap(map);
            }
            case VALUE_STRING: {
                String s = p.getText();
                return s.isEmpty() || s.charAt(0) != '\0' ? s : binary(s, p);
            }
            case VALUE_NUMBER_INT:
                return p.getNumberType() == JsonParser.NumberType.BIG_INTEGER ? p.getBigIntegerValue() : p.getLongValue();
            case VALUE_NUMBER_FLOAT:
                return p.getDoubleValue();
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            case VALUE_NULL:
                return null;
            default:
                throw new ProtocolViolation("wamp.2.json: unexpected " + t + " at offset "
                        + p.currentTokenLocation().getByteOffset());
        }
    }

    private static byte[] binary(String s, JsonParser p) {
        try {
            return Base64.getDecoder().decode(s.substring(1));
        } catch (IllegalArgumentException e) {
            throw new ProtocolViolation("wamp.2.json: a string starting with NUL must be base64-encoded binary, "
                    + "but at offset " + p.currentTokenLocation().getByteOffset() + ": " + e.getMessage());
        }
    }
}
