package dev.pipes.wamp.serialization;

import dev.pipes.wamp.message.MessageType;
import dev.pipes.wamp.message.WampMessage;
import dev.pipes.wamp.message.WampMessage.*;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The exact bytes of the WAMP specification's conformance vectors (the wamp-proto project's
 * testsuite/singlemessage), one or more for every message type: each decodes to the expected
 * message in both serializers, and our encoder produces exactly the compact JSON variant and the
 * MessagePack bytes.
 */
class SpecTestVectorsTest {

    record Vector(String name, String json, String msgpackHex, WampMessage expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    static Stream<Vector> vectors() {
        return Stream.of(
                new Vector("HELLO", "[1,\"com.example.realm\",{\"roles\":{\"subscriber\":{},\"publisher\":{}}}]",
                        "9301b1636f6d2e6578616d706c652e7265616c6d81a5726f6c657382aa7375627363726962657280a97075626c697368657280",
                        new Hello("com.example.realm", map("roles", map("subscriber", map(), "publisher", map())))),
                new Vector("WELCOME", "[2,9129137332,{\"roles\":{\"broker\":{},\"dealer\":{}}}]",
                        "9302cf00000002202394b481a5726f6c657382a662726f6b657280a66465616c657280",
                        new Welcome(9129137332L, map("roles", map("broker", map(), "dealer", map())))),
                new Vector("ABORT", "[3,{},\"wamp.error.system_shutdown\"]",
                        "930380ba77616d702e6572726f722e73797374656d5f73687574646f776e",
                        new Abort(map(), "wamp.error.system_shutdown")),
                new Vector("CHALLENGE", "[4,\"wampcra\",{}]", "9304a777616d7063726180",
                        new Challenge("wampcra", map())),
                new Vector("GOODBYE", "[6,{},\"wamp.close.normal\"]", "930680b177616d702e636c6f73652e6e6f726d616c",
                        new Goodbye(map(), "wamp.close.normal")),
                new Vector("ERROR", "[8,48,7814135,{},\"com.myapp.error\"]",
                        "950830ce00773bf780af636f6d2e6d796170702e6572726f72",
                        new WampError(MessageType.CALL, 7814135, map(), "com.myapp.error", null, null)),
                new Vector("PUBLISH", "[16,239714735,{},\"com.myapp.mytopic1\",[\"Hello, world!\"]]",
                        "9510ce0e49c1af80b2636f6d2e6d796170702e6d79746f7069633191ad48656c6c6f2c20776f726c6421",
                        new Publish(239714735, map(), "com.myapp.mytopic1", List.of("Hello, world!"), null)),
                new Vector("EVENT", "[36,9823526,112233445566,{},[\"Hello, event!\"]]",
                        "9524ce0095e526cf0000001a21a278be8091ad48656c6c6f2c206576656e7421",
                        new Event(9823526, 112233445566L, map(), List.of("Hello, event!"), null)),
                new Vector("EVENT forward_for",
                        "[36,7418529630,556677889900,{\"forward_for\":[{\"session\":2468013579,\"authid\":\"frontend1\","
                                + "\"authrole\":\"user\"}]},[100,\"data\"]]",
                        "9524cf00000001ba2dc75ecf000000819c967f6c81ab666f72776172645f666f729183a773657373696f6ece931ae60b"
                                + "a6617574686964a966726f6e74656e6431a861757468726f6c65a4757365729264a464617461",
                        new Event(7418529630L, 556677889900L, map("forward_for", List.of(
                                map("session", 2468013579L, "authid", "frontend1", "authrole", "user"))),
                                List.of(100L, "data"), null)),
                new Vector("CALL", "[48,7814135,{},\"com.myapp.myprocedure1\",[\"Hello, world!\"]]",
                        "9530ce00773bf780b6636f6d2e6d796170702e6d7970726f6365647572653191ad48656c6c6f2c20776f726c6421",
                        new Call(7814135, map(), "com.myapp.myprocedure1", List.of("Hello, world!"), null)),
                new Vector("CANCEL", "[49,7814135,{}]", "9331ce00773bf780", new Cancel(7814135, map())),
                new Vector("RESULT", "[50,7814135,{},[\"Hello, world!\"]]",
                        "9432ce00773bf78091ad48656c6c6f2c20776f726c6421",
                        new Result(7814135, map(), List.of("Hello, world!"), null)),
                new Vector("INVOCATION", "[68,6131533,9823526,{}]", "9444ce005d8f4dce0095e52680",
                        new Invocation(6131533, 9823526, map(), null, null)),
                new Vector("AUTHENTICATE", "[5,\"gir1mSx+deCDUV7FgLvsQNTi6n3W/Z/WcZ/OT9RwdZY=\",{}]",
                        "9305d92c676972316d53782b6465434455563746674c7673514e5469366e33572f5a2f57635a2f4f54395277645a593d80",
                        new Authenticate("gir1mSx+deCDUV7FgLvsQNTi6n3W/Z/WcZ/OT9RwdZY=", map())),
                new Vector("PUBLISHED", "[17,239714735,4429313566]", "9311ce0e49c1afcf000000010801f61e",
                        new Published(239714735, 4429313566L)),
                new Vector("SUBSCRIBE", "[32,713845233,{},\"com.myapp.mytopic1\"]",
                        "9420ce2a8c69f180b2636f6d2e6d796170702e6d79746f70696331",
                        new Subscribe(713845233, map(), "com.myapp.mytopic1")),
                new Vector("SUBSCRIBED", "[33,713845233,5512315355]", "9321ce2a8c69f1cf00000001488f41db",
                        new Subscribed(713845233, 5512315355L)),
                new Vector("UNSUBSCRIBE", "[34,85346237,5512315355]", "9322ce051647bdcf00000001488f41db",
                        new Unsubscribe(85346237, 5512315355L)),
                new Vector("UNSUBSCRIBED", "[35,85346237]", "9223ce051647bd", new Unsubscribed(85346237)),
                new Vector("REGISTER", "[64,25349185,{},\"com.myapp.myprocedure1\"]",
                        "9440ce0182cc4180b6636f6d2e6d796170702e6d7970726f63656475726531",
                        new Register(25349185, map(), "com.myapp.myprocedure1")),
                new Vector("REGISTERED", "[65,25349185,2103333224]", "9341ce0182cc41ce7d5e5168",
                        new Registered(25349185, 2103333224L)),
                new Vector("UNREGISTER", "[66,788923562,2103333224]", "9342ce2f0604aace7d5e5168",
                        new Unregister(788923562, 2103333224L)),
                new Vector("UNREGISTERED", "[67,788923562]", "9243ce2f0604aa", new Unregistered(788923562)),
                new Vector("INTERRUPT", "[69,6131533,{}]", "9345ce005d8f4d80", new Interrupt(6131533, map())),
                new Vector("YIELD", "[70,6131533,{}]", "9346ce005d8f4d80", new Yield(6131533, map(), null, null)));
    }

    @Test
    void everyMessageTypeHasASpecVector() {
        assertEquals(java.util.EnumSet.allOf(MessageType.class),
                vectors().map(v -> v.expected().type()).collect(java.util.stream.Collectors.toCollection(
                        () -> java.util.EnumSet.noneOf(MessageType.class))));
    }

    @ParameterizedTest
    @MethodSource("vectors")
    void jsonDecodesAndEncodesExactly(Vector v) {
        assertEquals(v.expected(), Serializers.JSON.decode(v.json().getBytes(StandardCharsets.UTF_8)));
        assertEquals(v.json(), new String(Serializers.JSON.encode(v.expected()), StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @MethodSource("vectors")
    void msgpackDecodesAndEncodesExactly(Vector v) {
        byte[] bytes = HexFormat.of().parseHex(v.msgpackHex());
        assertEquals(v.expected(), Serializers.MSGPACK.decode(bytes));
        assertEquals(v.msgpackHex(), HexFormat.of().formatHex(Serializers.MSGPACK.encode(v.expected())));
    }

    @Test
    void spacedJsonVariantDecodesToTheSameMessage() {
        String spaced = "[16, 239714735, {}, \"com.myapp.mytopic1\", [\"Hello, world!\"]]";
        assertEquals(new Publish(239714735, map(), "com.myapp.mytopic1", List.of("Hello, world!"), null),
                Serializers.JSON.decode(spaced.getBytes(StandardCharsets.UTF_8)));
    }

    /** The specification's transparent-payload vector: the same bytes as NUL+base64 in JSON and as msgpack bin. */
    @Test
    void binaryIsNulBase64InJsonAndBinInMsgpack() {
        byte[] expected = HexFormat.of().parseHex("83a5636f6c6f72a4626c7565a473697a65a56c61726765a5636f756e741e");
        String json = "[36,1,2,{},[\"\\u0000g6Vjb2xvcqRibHVlpHNpemWlbGFyZ2WlY291bnQe\"]]";
        Event fromJson = (Event) Serializers.JSON.decode(json.getBytes(StandardCharsets.UTF_8));
        assertArrayEquals(expected, (byte[]) fromJson.args().get(0));
        assertEquals(json, new String(Serializers.JSON.encode(fromJson), StandardCharsets.UTF_8));

        byte[] msgpack = HexFormat.of().parseHex("9524010280" + "91c41e" + HexFormat.of().formatHex(expected));
        Event fromMsgpack = (Event) Serializers.MSGPACK.decode(msgpack);
        assertArrayEquals(expected, (byte[]) fromMsgpack.args().get(0));
        assertArrayEquals(msgpack, Serializers.MSGPACK.encode(fromMsgpack));
    }
}
