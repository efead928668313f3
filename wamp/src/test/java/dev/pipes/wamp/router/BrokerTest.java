package dev.pipes.wamp.router;

import dev.pipes.wamp.message.MessageType;
import dev.pipes.wamp.message.WampMessage.*;
import dev.pipes.wamp.message.WampUris;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.pipes.wamp.router.RouterHarness.*;
import static org.junit.jupiter.api.Assertions.*;

class BrokerTest {
    final Router router = router();

    @AfterEach
    void close() {
        router.close();
    }

    @Test
    void eventReachesSubscribersButNotThePublisherByDefault() {
        TestPeer sub = join(router);
        TestPeer pub = join(router);
        sub.deliver(new Subscribe(1, Map.of(), "com.t"));
        long sid = sub.expect(Subscribed.class).subscription();
        pub.deliver(new Subscribe(1, Map.of(), "com.t"));
        assertEquals(sid, pub.expect(Subscribed.class).subscription(), "one subscription id per topic");
        pub.deliver(new Publish(2, Map.of("acknowledge", true), "com.t", List.of("hi"), Map.of("k", 1L)));
        long publication = pub.expect(Published.class).publication();
        Event e = sub.expect(Event.class);
        assertEquals(new Event(sid, publication, Map.of(), List.of("hi"), Map.of("k", 1L)), e);
        pub.expectNothing();
    }

    @Test
    void publisherExclusionCanBeTurnedOffAndPublisherDisclosed() {
        TestPeer pub = join(router);
        pub.deliver(new Subscribe(1, Map.of(), "t"));
        pub.expect(Subscribed.class);
        pub.deliver(new Publish(2, map("exclude_me", false, "disclose_me", true), "t", List.of(1L), null));
        Event e = pub.expect(Event.class);
        assertEquals(pub.session.id(), e.details().get("publisher"));
        assertEquals("anonymous", e.details().get("publisher_authrole"));
    }

    @Test
    void blackAndWhiteListing() {
        TestPeer a = join(router);
        TestPeer b = join(router);
        TestPeer pub = join(router);
        for (TestPeer p : List.of(a, b)) {
            p.deliver(new Subscribe(1, Map.of(), "t"));
            p.expect(Subscribed.class);
        }
        pub.deliver(new Publish(2, Map.of("exclude", List.of(a.session.id())), "t", List.of("x"), null));
        b.expect(Event.class);
        a.expectNothing();
        pub.deliver(new Publish(3, Map.of("eligible", List.of(a.session.id())), "t", List.of("y"), null));
        a.expect(Event.class);
        b.expectNothing();
    }

    @Test
    void prefixAndWildcardSubscriptionsSeeTheTopic() {
        TestPeer prefix = join(router);
        TestPeer wild = join(router);
        TestPeer pub = join(router);
        prefix.deliver(new Subscribe(1, Map.of("match", "prefix"), "com.app"));
        long p = prefix.expect(Subscribed.class).subscription();
        wild.deliver(new Subscribe(1, Map.of("match", "wildcard"), "com..update"));
        long w = wild.expect(Subscribed.class).subscription();
        pub.deliver(new Publish(2, Map.of(), "com.app.update", List.of(), null));
        Event pe = prefix.expect(Event.class);
        assertEquals(p, pe.subscription());
        assertEquals("com.app.update", pe.details().get("topic"));
        assertEquals(w, wild.expect(Event.class).subscription());
        pub.deliver(new Publish(3, Map.of(), "com.other.delete", List.of(), null));
        prefix.expectNothing();
        wild.expectNothing();
    }

    @Test
    void unsubscribeStopsEventsAndUnknownSubscriptionIsAnError() {
        TestPeer sub = join(router);
        TestPeer pub = join(router);
        sub.deliver(new Subscribe(1, Map.of(), "t"));
        long sid = sub.expect(Subscribed.class).subscription();
        sub.deliver(new Unsubscribe(2, sid));
        assertEquals(2, sub.expect(Unsubscribed.class).request());
        pub.deliver(new Publish(3, Map.of(), "t", List.of(), null));
        sub.expectNothing();
        sub.deliver(new Unsubscribe(4, sid));
        WampError err = sub.expect(WampError.class);
        assertEquals(MessageType.UNSUBSCRIBE, err.requestType());
        assertEquals(WampUris.NO_SUCH_SUBSCRIPTION, err.error());
    }

    @Test
    void invalidTopicsAreRefused() {
        TestPeer p = join(router);
        p.deliver(new Subscribe(1, Map.of(), "a..b"));
        assertEquals(WampUris.INVALID_URI, p.expect(WampError.class).error());
        p.deliver(new Subscribe(2, Map.of("match", "fuzzy"), "a.b"));
        WampError e = p.expect(WampError.class);
        assertEquals(WampUris.INVALID_ARGUMENT, e.error());
        assertEquals(List.of("unknown match policy fuzzy (expected exact, prefix or wildcard)"), e.args());
        p.deliver(new Publish(3, Map.of("acknowledge", true), "a b", List.of(), null));
        assertEquals(WampUris.INVALID_URI, p.expect(WampError.class).error());
    }

    @Test
    void sessionMetaEventsAndProcedures() {
        TestPeer watcher = join(router);
        watcher.deliver(new Subscribe(1, Map.of(), "wamp.session.on_join"), new Subscribe(2, Map.of(), "wamp.session.on_leave"));
        long onJoin = watcher.expect(Subscribed.class).subscription();
        long onLeave = watcher.expect(Subscribed.class).subscription();
        TestPeer other = join(router);
        Event joined = watcher.expect(Event.class);
        assertEquals(onJoin, joined.subscription());
        assertEquals(other.session.id(), ((Map<?, ?>) joined.args().get(0)).get("session"));

        watcher.deliver(new Call(3, Map.of(), "wamp.session.count", null, null));
        assertEquals(List.of(2L), watcher.expect(Result.class).args());
        watcher.deliver(new Call(4, Map.of(), "wamp.session.list", null, null));
        assertEquals(List.of(List.of(watcher.session.id(), other.session.id())), watcher.expect(Result.class).args());
        watcher.deliver(new Call(5, Map.of(), "wamp.session.get", List.of(other.session.id()), null));
        assertEquals("anonymous", ((Map<?, ?>) watcher.expect(Result.class).args().get(0)).get("authrole"));
        watcher.deliver(new Call(6, Map.of(), "wamp.session.get", List.of(12345L), null));
        assertEquals(WampUris.NO_SUCH_SESSION, watcher.expect(WampError.class).error());

        other.deliver(new Goodbye(Map.of(), WampUris.CLOSE_NORMAL));
        Event left = watcher.expect(Event.class);
        assertEquals(onLeave, left.subscription());
        assertEquals(other.session.id(), left.args().get(0));
        watcher.deliver(new Call(7, Map.of(), "wamp.session.count", null, null));
        assertEquals(List.of(1L), watcher.expect(Result.class).args());
    }
}
