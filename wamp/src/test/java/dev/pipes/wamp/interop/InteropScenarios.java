package dev.pipes.wamp.interop;

import dev.pipes.wamp.client.CallHandle;
import dev.pipes.wamp.client.CallResult;
import dev.pipes.wamp.client.InvocationHandler;
import dev.pipes.wamp.client.Options;
import dev.pipes.wamp.client.WampClient;
import dev.pipes.wamp.client.WampException;
import dev.pipes.wamp.message.WampUris;
import dev.pipes.wamp.router.Principal;
import dev.pipes.wamp.router.RealmConfig;
import dev.pipes.wamp.router.Role;
import dev.pipes.wamp.router.Router;
import dev.pipes.wamp.serialization.Serializer;
import dev.pipes.wamp.serialization.Serializers;
import dev.pipes.wamp.transport.netty.WebSocketServer;
import dev.pipes.wamp.transport.netty.WebSocketSettings;
import dev.pipes.wamp.transport.netty.WebSocketTransport;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The two interop scenarios, shared by the autobahn-python and autobahn-js tests. Our own clients
 * always use the other serializer than the external one, so every call also crosses serializers.
 */
final class InteropScenarios implements AutoCloseable {
    interface Launcher {
        ExternalClient start(String url, String serializer, String role, String name) throws Exception;
    }

    final Router router = new Router(List.of(RealmConfig.open("realm1")));
    final WebSocketServer server;
    final List<WampClient> clients = new ArrayList<>();

    InteropScenarios() throws InterruptedException {
        server = WebSocketServer.start(router, "127.0.0.1", 0, WebSocketSettings.defaults());
    }

    String url() {
        return "ws://127.0.0.1:" + server.port() + "/ws";
    }

    WampClient ourClient(String externalSerializer) throws Exception {
        Serializer other = externalSerializer.equals("json") ? Serializers.MSGPACK : Serializers.JSON;
        WampClient c = WampClient.create(new WebSocketTransport(URI.create(url()), List.of(other)), "realm1");
        c.connect().get(5, TimeUnit.SECONDS);
        clients.add(c);
        return c;
    }

    /** The external client calls procedures our clients registered. */
    void externalCaller(Launcher launcher, String serializer) throws Exception {
        externalCaller(launcher, serializer, true);
    }

    /** {@code binaryOverJson}: whether the client can send binary with JSON (autobahn-js cannot). */
    void externalCaller(Launcher launcher, String serializer, boolean binaryOverJson) throws Exception {
        WampClient callee = ourClient(serializer);
        WampClient second = ourClient(serializer);
        CompletableFuture<String> interrupted = new CompletableFuture<>();
        callee.register("java.add", InvocationHandler.sync(inv ->
                CallResult.of(((Number) inv.args().get(0)).longValue() + ((Number) inv.args().get(1)).longValue())))
                .get(5, TimeUnit.SECONDS);
        callee.register("java.progress", inv -> {
            long n = ((Number) inv.args().get(0)).longValue();
            for (long i = 1; i <= n; i++) inv.progress(List.of(i), Map.of());
            return CompletableFuture.completedFuture(CallResult.of("done"));
        }).get(5, TimeUnit.SECONDS);
        callee.register("java.echo", InvocationHandler.sync(inv -> CallResult.of(inv.args(), Map.of())))
                .get(5, TimeUnit.SECONDS);
        callee.register("java.slow", inv -> {
            inv.interrupted().thenAccept(interrupted::complete);
            return new CompletableFuture<>();
        }).get(5, TimeUnit.SECONDS);
        callee.register("java.shared", Options.Register.shared("roundrobin"),
                InvocationHandler.sync(inv -> CallResult.of("j1"))).get(5, TimeUnit.SECONDS);
        second.register("java.shared", Options.Register.shared("roundrobin"),
                InvocationHandler.sync(inv -> CallResult.of("j2"))).get(5, TimeUnit.SECONDS);

        try (ExternalClient ext = launcher.start(url(), serializer, "caller", "ext")) {
            assertEquals(5, ((Number) ext.expect("ADD")).intValue());
            assertEquals(Map.of("progress", List.of(1, 2, 3), "final", "done"), ext.expect("PROGRESS"));
            if (binaryOverJson || !serializer.equals("json")) assertEquals(List.of(0, 1, 255, 10), ext.expect("BINARY"));
            assertEquals("canceled", ext.expect("CANCEL"));
            assertNotNull(interrupted.get(5, TimeUnit.SECONDS), "our callee (call_canceling) was interrupted");
            assertEquals(List.of("j1", "j2", "j1", "j2"), ext.expect("SHARED"));
            assertEquals(WampUris.NO_SUCH_PROCEDURE, ext.expect("ERROR"));
            ext.assertExitedCleanly();
        }
    }

    /** Our client calls procedures the external client registered. */
    void externalCallee(Launcher launcher, String serializer, String prefix, boolean calleeCancels) throws Exception {
        try (ExternalClient ext = launcher.start(url(), serializer, "callee", "ext")) {
            ext.expect("READY");
            WampClient caller = ourClient(serializer);
            WampClient ours = ourClient(serializer);
            ours.register("interop.shared", Options.Register.shared("roundrobin"),
                    InvocationHandler.sync(inv -> CallResult.of("java"))).get(5, TimeUnit.SECONDS);

            assertEquals(5, ((Number) caller.call(prefix + ".add", 2L, 3L).get(5, TimeUnit.SECONDS).arg(0)).intValue());

            List<Object> progress = new CopyOnWriteArrayList<>();
            CallResult done = caller.call(prefix + ".progress",
                    Options.Call.DEFAULT.withProgress(p -> progress.add(((Number) p.arg(0)).longValue())),
                    List.of(3L), Map.of()).result().get(5, TimeUnit.SECONDS);
            assertEquals(List.of(1L, 2L, 3L), progress);
            assertEquals("done", done.arg(0));

            if (serializer.equals("msgpack") || prefix.equals("py")) {
                CallResult echoed = caller.call(prefix + ".echo_bytes", Options.Call.DEFAULT,
                        List.of(new byte[]{0, 1, (byte) 255, 10}), Map.of()).result().get(5, TimeUnit.SECONDS);
                assertEquals(List.of(0, 1, 255, 10), ((List<?>) echoed.arg(0)).stream()
                        .map(v -> ((Number) v).intValue()).toList());
            }

            CallHandle slow = caller.call(prefix + ".slow", Options.Call.DEFAULT, List.of(), Map.of());
            Thread.sleep(200);
            slow.cancel("kill");
            ExecutionException e = assertThrows(ExecutionException.class, () -> slow.result().get(5, TimeUnit.SECONDS));
            assertEquals(WampUris.CANCELED, ((WampException) e.getCause()).error());
            if (calleeCancels) {
                assertEquals("ext", ext.expect("INTERRUPTED"));
            }
            // still alive and well (a callee without call_canceling must never have seen INTERRUPT)
            assertEquals(7, ((Number) caller.call(prefix + ".add", 3L, 4L).get(5, TimeUnit.SECONDS).arg(0)).intValue());

            List<Object> shared = new ArrayList<>();
            for (int i = 0; i < 4; i++) shared.add(caller.call("interop.shared").get(5, TimeUnit.SECONDS).arg(0));
            assertEquals(List.of("ext", "java", "ext", "java"), shared);
        }
    }

    /**
     * The external client joins a realm that requires authentication: ticket, WAMP-CRA and salted
     * WAMP-CRA as the external library computes them, each principal with its role; a wrong secret
     * is refused.
     */
    static void logins(Launcher launcher) throws Exception {
        RealmConfig secure = new RealmConfig("realm1", false, "anonymous", Map.of(), Map.of())
                .withPrincipal(Principal.ticket("alice", "t1", "admin"))
                .withPrincipal(Principal.wampcra("bob", "b0b", "user"))
                .withPrincipal(Principal.wampcraSalted("carol", "c4rol", "user", "pepper", 100, 32))
                .withRole(Role.unrestricted("admin"))
                .withRole(Role.unrestricted("user"));
        try (Router router = new Router(List.of(secure));
             WebSocketServer server = WebSocketServer.start(router, "127.0.0.1", 0, WebSocketSettings.defaults())) {
            String url = "ws://127.0.0.1:" + server.port() + "/ws";
            record Login(String method, String credentials, Map<String, Object> expected) {
            }
            for (Login login : List.of(
                    new Login("ticket", "alice:t1", Map.of("authid", "alice", "authrole", "admin", "authmethod", "ticket")),
                    new Login("wampcra", "bob:b0b", Map.of("authid", "bob", "authrole", "user", "authmethod", "wampcra")),
                    new Login("wampcra", "carol:c4rol", Map.of("authid", "carol", "authrole", "user", "authmethod", "wampcra")))) {
                try (ExternalClient c = launcher.start(url, "json", login.method(), login.credentials())) {
                    assertEquals(login.expected(), c.expect("WELCOME"));
                }
            }
            try (ExternalClient wrong = launcher.start(url, "msgpack", "wampcra", "bob:wrong")) {
                assertEquals("wamp.error.authentication_failed", wrong.expect("ABORT"));
            }
        }
    }

    @Override
    public void close() {
        clients.forEach(WampClient::close);
        server.close();
        router.close();
    }
}
