package dev.pipes.wamp.client;

import dev.pipes.wamp.router.Principal;
import dev.pipes.wamp.router.RealmConfig;
import dev.pipes.wamp.router.Role;
import dev.pipes.wamp.router.Router;
import dev.pipes.wamp.serialization.Serializers;
import dev.pipes.wamp.transport.memory.InMemoryTransport;
import dev.pipes.wamp.transport.netty.WebSocketServer;
import dev.pipes.wamp.transport.netty.WebSocketSettings;
import dev.pipes.wamp.transport.netty.WebSocketTransport;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static dev.pipes.wamp.client.ClientApiTest.await;
import static dev.pipes.wamp.client.ClientApiTest.failure;
import static org.junit.jupiter.api.Assertions.*;

class ReconnectAndAuthTest {

    @Test
    void clientReconnectsWithBackoffAndRegistersAndSubscribesAgain() throws Exception {
        List<RealmConfig> realms = List.of(RealmConfig.open("realm1"));
        Router first = new Router(realms);
        WebSocketServer server = WebSocketServer.start(first, "127.0.0.1", 0, WebSocketSettings.defaults());
        int port = server.port();
        URI uri = URI.create("ws://127.0.0.1:" + port + "/");
        LinkedBlockingQueue<SessionInfo> joins = new LinkedBlockingQueue<>();
        LinkedBlockingQueue<EventData> events = new LinkedBlockingQueue<>();
        try (WampClient callee = WampClient.create(new WebSocketTransport(uri, List.of(Serializers.MSGPACK)), "realm1",
                Credentials.ANONYMOUS, ReconnectPolicy.backoff(Duration.ofMillis(20), Duration.ofMillis(200)))) {
            callee.onJoin(joins::add);
            long firstId = await(callee.connect()).id();
            joins.poll(5, TimeUnit.SECONDS);
            await(callee.register("com.ping", InvocationHandler.sync(inv -> CallResult.of("pong"))));
            await(callee.subscribe("com.news", Options.Subscribe.DEFAULT, events::add));

            server.close();
            first.close(); // says GOODBYE system_shutdown: the client must come back
            Thread.sleep(100); // a few refused attempts while nothing listens
            Router second = new Router(realms);
            WebSocketServer again = WebSocketServer.start(second, "127.0.0.1", port, WebSocketSettings.defaults());
            try (WampClient caller = WampClient.create(new WebSocketTransport(uri, List.of(Serializers.JSON)), "realm1")) {
                SessionInfo rejoined = joins.poll(10, TimeUnit.SECONDS);
                assertNotNull(rejoined, "the client rejoined");
                assertNotEquals(firstId, rejoined.id());
                await(caller.connect());
                CallResult r = null;
                for (int i = 0; i < 100 && r == null; i++) { // the REGISTER replay may still be in flight
                    try {
                        r = await(caller.call("com.ping"));
                    } catch (RuntimeException e) {
                        Thread.sleep(20);
                    }
                }
                assertNotNull(r, "the procedure was registered again");
                assertEquals("pong", r.arg(0));
                await(caller.publish("com.news", Options.Publish.ACKNOWLEDGED, List.of("back"), Map.of()));
                assertEquals("back", events.poll(5, TimeUnit.SECONDS).arg(0));
            } finally {
                again.close();
                second.close();
            }
        }
    }

    @Test
    void ticketAndWampCraClientsJoinWithTheirRoles() throws Exception {
        RealmConfig secure = new RealmConfig("secure", false, "anonymous", Map.of(), Map.of())
                .withPrincipal(Principal.ticket("alice", "t1", "admin"))
                .withPrincipal(Principal.wampcra("bob", "b0b", "admin"))
                .withPrincipal(Principal.wampcraSalted("carol", "c4rol", "admin", "pepper", 50, 32))
                .withRole(Role.unrestricted("admin"));
        try (Router router = new Router(List.of(secure))) {
            for (Credentials c : List.of(Credentials.ticket("alice", "t1"), Credentials.wampcra("bob", "b0b"),
                    Credentials.wampcra("carol", "c4rol"))) {
                try (WampClient client = WampClient.create(new InMemoryTransport(router), "secure", c, ReconnectPolicy.NEVER)) {
                    SessionInfo s = await(client.connect());
                    assertEquals(c.authid(), s.authid());
                    assertEquals("admin", s.authrole());
                }
            }
            WampClient wrong = WampClient.create(new InMemoryTransport(router), "secure",
                    Credentials.wampcra("bob", "nope"), ReconnectPolicy.backoff(Duration.ofMillis(10), Duration.ofMillis(10)));
            WampException e = failure(wrong.connect());
            assertTrue(e.getMessage().contains("wamp.error.authentication_failed"), e.getMessage());
            WampClient anonymous = WampClient.create(new InMemoryTransport(router), "secure");
            String m = failure(anonymous.connect()).getMessage();
            assertTrue(m.contains("wamp.error.no_auth_method"), m);
        }
    }

    @Test
    void flowControlBlocksAProducerUntilTheSubscriberReadsAgain() throws Exception {
        try (Router router = new Router(List.of(RealmConfig.open("realm1")));
             WampClient sub = WampClient.create(new InMemoryTransport(router, 4, 16), "realm1");
             WampClient pub = WampClient.create(new InMemoryTransport(router, 4, 16), "realm1")) {
            await(sub.connect());
            await(pub.connect());
            LinkedBlockingQueue<EventData> got = new LinkedBlockingQueue<>();
            await(sub.subscribe("t", Options.Subscribe.DEFAULT, got::add));
            sub.pauseReading();
            int sent = 0;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
            while (System.nanoTime() < deadline && sent < 10_000) {
                CompletableFuture<Void> w = pub.writable();
                try {
                    w.get(50, TimeUnit.MILLISECONDS);
                } catch (java.util.concurrent.TimeoutException blocked) {
                    continue;
                }
                pub.publish("t", Options.Publish.DEFAULT, List.of(sent++), Map.of());
            }
            assertTrue(sent < 100, "the producer was held back after " + sent + " events");
            sub.resumeReading();
            for (int i = 0; i < sent; i++) {
                assertEquals(i, ((Number) got.poll(5, TimeUnit.SECONDS).arg(0)).intValue());
            }
        }
    }
}
