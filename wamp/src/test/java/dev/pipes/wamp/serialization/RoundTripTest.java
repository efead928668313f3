package dev.pipes.wamp.serialization;

import dev.pipes.wamp.message.MessageType;
import dev.pipes.wamp.message.WampMessage;
import dev.pipes.wamp.message.WampMessage.*;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Every message type survives encode + decode in both serializers, with full payloads. */
class RoundTripTest {
    static final List<Object> ARGS = List.of("a", 1L, 2.5, true, List.of(), Map.of("k", "v"));
    static final Map<String, Object> KW = Map.of("x", 42L, "nested", List.of(Map.of("y", false)));
    static final Map<String, Object> OPTS = Map.of("receive_progress", true);

    static final List<WampMessage> ALL = List.of(
            new Hello("realm1", Map.of("roles", Map.of("caller", Map.of()))),
            new Welcome(1L << 53, Map.of("roles", Map.of("dealer", Map.of()))),
            new Abort(Map.of("message", "go away"), "wamp.error.no_such_realm"),
            new Challenge("ticket", Map.of()),
            new Authenticate("secret", Map.of()),
            new Goodbye(Map.of(), "wamp.close.normal"),
            new WampError(MessageType.INVOCATION, 5, Map.of(), "app.error", ARGS, KW),
            new Publish(1, OPTS, "t", ARGS, KW),
            new Published(1, 2),
            new Subscribe(1, OPTS, "t"),
            new Subscribed(1, 2),
            new Unsubscribe(1, 2),
            new Unsubscribed(1),
            new Event(1, 2, OPTS, ARGS, Map.of()),
            new Call(1, OPTS, "p", List.of(), KW),
            new Cancel(1, Map.of("mode", "kill")),
            new Result(1, OPTS, ARGS, KW),
            new Register(1, Map.of("invoke", "roundrobin"), "p"),
            new Registered(1, 2),
            new Unregister(1, 2),
            new Unregistered(1),
            new Invocation(1, 2, OPTS, ARGS, KW),
            new Interrupt(1, Map.of("mode", "killnowait")),
            new Yield(1, OPTS, ARGS, KW));

    @Test
    void coversEveryMessageType() {
        Set<MessageType> covered = ALL.stream().map(WampMessage::type).collect(Collectors.toSet());
        assertEquals(EnumSet.allOf(MessageType.class), covered);
    }

    @Test
    void everyMessageRoundTripsInJson() {
        for (WampMessage m : ALL) {
            assertEquals(m, Serializers.JSON.decode(Serializers.JSON.encode(m)), m.type().toString());
        }
    }

    @Test
    void everyMessageRoundTripsInMsgpack() {
        for (WampMessage m : ALL) {
            assertEquals(m, Serializers.MSGPACK.decode(Serializers.MSGPACK.encode(m)), m.type().toString());
        }
    }
}
