package dev.pipes.wamp.serialization;

import java.util.List;
import java.util.Optional;

/** The serializers this library speaks, looked up by WebSocket subprotocol. */
public final class Serializers {
    public static final Serializer JSON = new JsonSerializer();
    public static final Serializer MSGPACK = new MsgpackSerializer();
    /** In order of preference when a client offers several. */
    public static final List<Serializer> ALL = List.of(MSGPACK, JSON);

    private Serializers() {
    }

    public static Optional<Serializer> bySubprotocol(String subprotocol) {
        return ALL.stream().filter(s -> s.subprotocol().equals(subprotocol)).findFirst();
    }

    /** The comma-separated list of subprotocols, as a WebSocket handshake wants it. */
    public static String subprotocols() {
        return String.join(",", ALL.stream().map(Serializer::subprotocol).toList());
    }
}
