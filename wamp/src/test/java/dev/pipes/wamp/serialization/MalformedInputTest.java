package dev.pipes.wamp.serialization;

import dev.pipes.wamp.message.ProtocolViolation;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bad input is refused with a message naming what was wrong and where. */
class MalformedInputTest {

    private static String jsonError(String text) {
        return assertThrows(ProtocolViolation.class,
                () -> Serializers.JSON.decode(text.getBytes(StandardCharsets.UTF_8))).getMessage();
    }

    private static String msgpackError(String hex) {
        return assertThrows(ProtocolViolation.class,
                () -> Serializers.MSGPACK.decode(HexFormat.of().parseHex(hex))).getMessage();
    }

    @Test
    void jsonErrorsNameTheProblem() {
        assertTrue(jsonError("[48, 1, {}").startsWith("wamp.2.json: malformed JSON: "), jsonError("[48, 1, {}"));
        assertEquals("a WAMP message must be a list, got dict", jsonError("{}"));
        assertEquals("a WAMP message must not be an empty list", jsonError("[]"));
        assertEquals("unknown WAMP message code 99", jsonError("[99, 1]"));
        assertEquals("element 1 of a WAMP message (the message code) must be an integer, got string \"48\"",
                jsonError("[\"48\", 1, {}, \"p\"]"));
        assertEquals("CALL must have 4 to 6 elements, got 3", jsonError("[48, 1, {}]"));
        assertEquals("CALL: element 4 (Procedure) must be a non-empty URI string, got integer 7",
                jsonError("[48, 1, {}, 7]"));
        assertEquals("CALL: element 2 (Request|id) must be an id (integer in [0, 2^53]), got integer -1",
                jsonError("[48, -1, {}, \"p\"]").replace("Request", "Request|id"));
        assertEquals("CALL: element 5 (Arguments) must be a list, got dict", jsonError("[48, 1, {}, \"p\", {}]"));
        assertTrue(jsonError("[36,1,2,{},[\"\\u0000!!notbase64\"]]")
                .startsWith("wamp.2.json: a string starting with NUL must be base64-encoded binary"));
        String badUtf8 = assertThrows(ProtocolViolation.class, () -> Serializers.JSON.decode(
                new byte[]{'[', '1', ',', '"', (byte) 0xff, '"', ']'})).getMessage();
        assertTrue(badUtf8.startsWith("wamp.2.json: malformed JSON: Invalid UTF-8"), badUtf8);
        assertTrue(jsonError("[1] [2]").startsWith("wamp.2.json: unexpected data after the message"));
        assertTrue(jsonError("[".repeat(1000)).contains("nesting depth"), jsonError("[".repeat(1000)));
    }

    @Test
    void msgpackErrorsNameTheProblem() {
        assertEquals("wamp.2.msgpack: empty message", msgpackError(""));
        // array headers announcing 65535 and 2^32-1 elements: refused before any allocation
        assertEquals("wamp.2.msgpack: an array at offset 3 announces 65535 but only 0 bytes remain",
                msgpackError("dcffff"));
        assertTrue(msgpackError("ddffffffff").startsWith("wamp.2.msgpack: malformed data at offset 5: "),
                msgpackError("ddffffffff"));
        assertEquals("wamp.2.msgpack: a binary at offset 2 announces 16 but only 1 bytes remain",
                msgpackError("c410ff"));
        assertEquals("wamp.2.msgpack: message ends too early at offset 3", msgpackError("929130"));
        assertTrue(msgpackError("92d40100").contains("extension types"), msgpackError("92d40100"));
        assertTrue(msgpackError("9101c0").startsWith("wamp.2.msgpack: unexpected data after the message"));
        assertEquals("wamp.2.msgpack: dict key at offset 3 is not a string", msgpackError("930181010180"));
        assertEquals("unknown WAMP message code 0", msgpackError("9100"));
    }
}
