package dev.pipes.wamp.client;

import dev.pipes.wamp.serialization.Serializers;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/** One router serves JSON and msgpack clients at once, and binary survives the crossing both ways. */
class InteropBetweenSerializersTest {

    @Test
    void jsonCallerMsgpackCalleeAndBack() throws Exception {
        try (Routers routers = new Routers();
             WampClient json = routers.join(routers.websocket(Serializers.JSON));
             WampClient msgpack = routers.join(routers.websocket(Serializers.MSGPACK))) {
            byte[] bytes = new byte[256];
            for (int i = 0; i < bytes.length; i++) bytes[i] = (byte) i;
            InvocationHandler echo = InvocationHandler.sync(inv -> CallResult.of(inv.args(), inv.kwargs()));
            msgpack.register("mp.echo", echo).get(5, TimeUnit.SECONDS);
            json.register("js.echo", echo).get(5, TimeUnit.SECONDS);
            CallResult a = json.call("mp.echo", Options.Call.DEFAULT, List.of(bytes, "text", 1.5), Map.of("n", 7L))
                    .result().get(5, TimeUnit.SECONDS);
            assertArrayEquals(bytes, (byte[]) a.arg(0));
            assertEquals(List.of("text", 1.5), a.args().subList(1, 3));
            assertEquals(Map.of("n", 7L), a.kwargs());
            CallResult b = msgpack.call("js.echo", Options.Call.DEFAULT, List.of(bytes), Map.of())
                    .result().get(5, TimeUnit.SECONDS);
            assertArrayEquals(bytes, (byte[]) b.arg(0));
        }
    }
}
