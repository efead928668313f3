package dev.pipes.wamp.client;

import dev.pipes.wamp.message.WampUris;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/** The client API against our router, in memory and over loopback WebSocket with both serializers. */
class ClientApiTest {
    Routers routers;
    final List<WampClient> clients = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        routers = new Routers();
    }

    @AfterEach
    void stop() {
        clients.forEach(WampClient::close);
        routers.close();
    }

    WampClient join(String transport) {
        WampClient c = routers.join(routers.transports().apply(transport));
        clients.add(c);
        return c;
    }

    static <T> T await(CompletableFuture<T> f) {
        try {
            return f.get(5, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new CompletionException(e.getCause());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    static WampException failure(CompletableFuture<?> f) {
        CompletionException e = assertThrows(CompletionException.class, () -> await(f));
        return assertInstanceOf(WampException.class, e.getCause());
    }

    @ParameterizedTest
    @ValueSource(strings = {"in-memory", "json", "msgpack"})
    void callWithSyncAndAsyncHandlers(String transport) {
        WampClient callee = join(transport);
        WampClient caller = join(transport);
        await(callee.register("com.add", InvocationHandler.sync(inv ->
                CallResult.of((Long) inv.args().get(0) + (Long) inv.args().get(1)))));
        await(callee.register("com.later", inv -> CompletableFuture.supplyAsync(() -> CallResult.of("later"))));
        assertEquals(5L, await(caller.call("com.add", 2L, 3L)).arg(0));
        assertEquals("later", await(caller.call("com.later")).arg(0));
        byte[] binary = {0, 1, (byte) 0xff, 0, '\n'};
        await(callee.register("com.echo", InvocationHandler.sync(inv -> CallResult.of(inv.args(), inv.kwargs()))));
        CallResult echoed = await(caller.call("com.echo", Options.Call.DEFAULT, List.of(binary), Map.of("k", "v")).result());
        assertArrayEquals(binary, (byte[]) echoed.arg(0));
        assertEquals(Map.of("k", "v"), echoed.kwargs());
    }

    @ParameterizedTest
    @ValueSource(strings = {"in-memory", "json", "msgpack"})
    void errorsReachTheCaller(String transport) {
        WampClient callee = join(transport);
        WampClient caller = join(transport);
        await(callee.register("com.fail", inv -> { throw new WampException("com.app.bad_input", "negative"); }));
        await(callee.register("com.crash", InvocationHandler.sync(inv -> { throw new IllegalStateException("boom"); })));
        WampException e = failure(caller.call("com.fail"));
        assertEquals("com.app.bad_input", e.error());
        assertEquals(List.of("negative"), e.args());
        assertEquals(WampUris.RUNTIME_ERROR, failure(caller.call("com.crash")).error());
        assertEquals(WampUris.NO_SUCH_PROCEDURE, failure(caller.call("com.none")).error());
    }

    @ParameterizedTest
    @ValueSource(strings = {"in-memory", "json", "msgpack"})
    void progressiveResultsCancelAndTimeout(String transport) {
        WampClient callee = join(transport);
        WampClient caller = join(transport);
        await(callee.register("com.count", inv -> {
            for (long i = 1; i <= 3; i++) inv.progress(List.of(i), Map.of());
            return CompletableFuture.completedFuture(CallResult.of("done"));
        }));
        CompletableFuture<String> interrupted = new CompletableFuture<>();
        await(callee.register("com.forever", inv -> {
            inv.interrupted().thenAccept(interrupted::complete);
            return new CompletableFuture<>();
        }));
        List<Object> progress = new CopyOnWriteArrayList<>();
        CallResult r = await(caller.call("com.count", Options.Call.DEFAULT.withProgress(p -> progress.add(p.arg(0))),
                List.of(), Map.of()).result());
        assertEquals(List.of(1L, 2L, 3L), progress);
        assertEquals("done", r.arg(0));

        CallHandle h = caller.call("com.forever", Options.Call.DEFAULT, List.of(), Map.of());
        h.cancel("kill");
        assertEquals(WampUris.CANCELED, failure(h.result()).error());
        assertEquals("kill", await(interrupted));

        CallHandle t = caller.call("com.forever", Options.Call.DEFAULT.withTimeout(Duration.ofMillis(50)), List.of(), Map.of());
        assertEquals(WampUris.TIMEOUT, failure(t.result()).error());
    }

    @ParameterizedTest
    @ValueSource(strings = {"in-memory", "json", "msgpack"})
    void progressiveCallInvocations(String transport) {
        WampClient callee = join(transport);
        WampClient caller = join(transport);
        await(callee.register("com.concat", inv -> {
            CompletableFuture<CallResult> done = new CompletableFuture<>();
            StringBuilder sb = new StringBuilder((String) inv.args().get(0));
            inv.onChunk((args, kwargs, last) -> {
                sb.append(args.get(0));
                if (last) done.complete(CallResult.of(sb.toString()));
            });
            return done;
        }));
        CallHandle h = caller.callProgressive("com.concat", Options.Call.DEFAULT, List.of("a"), Map.of());
        h.sendChunk(List.of("b"), Map.of(), false);
        h.sendChunk(List.of("c"), Map.of(), true);
        assertEquals("abc", await(h.result()).arg(0));
    }

    @ParameterizedTest
    @ValueSource(strings = {"in-memory", "json", "msgpack"})
    void publishSubscribeWithAcknowledgeAndExclusion(String transport) throws Exception {
        WampClient sub = join(transport);
        WampClient pub = join(transport);
        LinkedBlockingQueue<EventData> events = new LinkedBlockingQueue<>();
        Handles.Subscription s = await(sub.subscribe("com.news", Options.Subscribe.DEFAULT, events::add));
        await(pub.subscribe("com.news", Options.Subscribe.DEFAULT, events::add));
        await(pub.publish("com.news", Options.Publish.ACKNOWLEDGED.withDiscloseMe(), List.of("hello"), Map.of()));
        EventData e = events.poll(5, TimeUnit.SECONDS);
        assertEquals("hello", e.arg(0));
        assertEquals(pub.session().id(), e.publisher());
        assertNull(events.poll(100, TimeUnit.MILLISECONDS), "the publisher is excluded by default");
        await(s.unsubscribe());
        await(pub.publish("com.news", Options.Publish.ACKNOWLEDGED.withExcludeMe(false), List.of("again"), Map.of()));
        assertEquals("again", events.poll(5, TimeUnit.SECONDS).arg(0));
        assertNull(events.poll(100, TimeUnit.MILLISECONDS), "the unsubscribed session gets nothing");
        await(sub.subscribe("com.", new Options.Subscribe("prefix"), events::add));
        await(pub.publish("com.sport", Options.Publish.ACKNOWLEDGED, List.of(), Map.of()));
        assertEquals("com.sport", events.poll(5, TimeUnit.SECONDS).topic());
    }

    @ParameterizedTest
    @ValueSource(strings = {"in-memory", "json", "msgpack"})
    void roundRobinSharedRegistration(String transport) {
        WampClient caller = join(transport);
        List<String> served = Collections.synchronizedList(new ArrayList<>());
        for (String name : List.of("a", "b", "c")) {
            await(join(transport).register("com.shared", Options.Register.shared("roundrobin"),
                    InvocationHandler.sync(inv -> { served.add(name); return CallResult.EMPTY; })));
        }
        for (int i = 0; i < 6; i++) await(caller.call("com.shared"));
        assertEquals(List.of("a", "b", "c", "a", "b", "c"), served);
    }

    @ParameterizedTest
    @ValueSource(strings = {"in-memory", "json", "msgpack"})
    void valuesArriveInWireFormAndUnsendableOnesFailOnlyThatCall(String transport) {
        WampClient callee = join(transport);
        WampClient caller = join(transport);
        await(callee.register("com.types", InvocationHandler.sync(inv -> CallResult.of(
                inv.arg(0).getClass().getSimpleName(), inv.arg(1).getClass().getSimpleName()))));
        assertEquals(List.of("Long", "Double"), await(caller.call("com.types", 1, 2.5f)).args());
        CompletionException e = assertThrows(CompletionException.class, () -> await(caller.call("com.types", new Object())));
        assertInstanceOf(IllegalArgumentException.class, e.getCause());
        assertEquals(List.of("Long", "Long"), await(caller.call("com.types", (short) 1, 2L)).args(), "still connected");
    }

    @ParameterizedTest
    @ValueSource(strings = {"in-memory", "json", "msgpack"})
    void leaveIsClean(String transport) {
        WampClient c = join(transport);
        CompletableFuture<String> left = new CompletableFuture<>();
        c.onLeave(left::complete);
        await(c.leave());
        assertEquals("wamp.close.goodbye_and_out: closed by the client", await(left));
        assertFalse(c.isConnected());
        assertEquals("pipes.error.not_connected", failure(c.call("x.y")).error());
        assertEquals("pipes.error.not_connected", failure(c.register("x.y", InvocationHandler.sync(i -> null))).error());
        assertEquals("pipes.error.not_connected", failure(c.subscribe("x.y", Options.Subscribe.DEFAULT, e -> { })).error());
        assertEquals("pipes.error.not_connected",
                failure(c.publish("x.y", Options.Publish.DEFAULT, List.of(), Map.of())).error());
    }
}
