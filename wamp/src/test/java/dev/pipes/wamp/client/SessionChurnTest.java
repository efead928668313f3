package dev.pipes.wamp.client;

import dev.pipes.wamp.serialization.Serializers;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/** Hundreds of sessions join, register, subscribe and leave at once: nothing of them stays behind. */
class SessionChurnTest {

    @Test
    void hundredsOfSessionsLeaveNoTrace() throws Exception {
        try (Routers routers = new Routers()) {
            for (int round = 0; round < 3; round++) {
                List<WampClient> clients = new ArrayList<>();
                List<CompletableFuture<SessionInfo>> joins = new ArrayList<>();
                for (int i = 0; i < 100; i++) {
                    WampClient c = WampClient.create(routers.websocket(i % 2 == 0 ? Serializers.JSON : Serializers.MSGPACK), "realm1");
                    clients.add(c);
                    joins.add(c.connect());
                }
                CompletableFuture.allOf(joins.toArray(CompletableFuture[]::new)).get(20, TimeUnit.SECONDS);
                for (int i = 0; i < clients.size(); i++) {
                    WampClient c = clients.get(i);
                    c.register("churn.p" + i, InvocationHandler.sync(inv -> CallResult.EMPTY)).get(5, TimeUnit.SECONDS);
                    c.subscribe("churn.t", Options.Subscribe.DEFAULT, e -> { }).get(5, TimeUnit.SECONDS);
                }
                clients.get(0).publish("churn.t", Options.Publish.ACKNOWLEDGED, List.of("x"), Map.of()).get(5, TimeUnit.SECONDS);
                List<CompletableFuture<Void>> leaving = new ArrayList<>();
                for (WampClient c : clients) {
                    leaving.add(c.leave()); // all at once
                }
                CompletableFuture.allOf(leaving.toArray(CompletableFuture[]::new)).get(20, TimeUnit.SECONDS);
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (routers.router.sessionCount().get(5, TimeUnit.SECONDS) > 0 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertEquals(0, routers.router.sessionCount().get(5, TimeUnit.SECONDS));
            try (WampClient probe = routers.join(routers.websocket(Serializers.MSGPACK))) {
                assertEquals(1L, probe.call("wamp.session.count").get(5, TimeUnit.SECONDS).arg(0));
                WampException e = assertThrows(java.util.concurrent.ExecutionException.class,
                        () -> probe.call("churn.p1").get(5, TimeUnit.SECONDS)).getCause() instanceof WampException w ? w : null;
                assertNotNull(e);
                assertEquals("wamp.error.no_such_procedure", e.error(), "registrations of gone sessions are gone");
                probe.register("churn.p1", InvocationHandler.sync(inv -> CallResult.of("mine"))).get(5, TimeUnit.SECONDS);
            }
        }
    }
}
