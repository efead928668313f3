package dev.pipes.wamp.router;

import dev.pipes.wamp.message.MessageType;
import dev.pipes.wamp.message.ProtocolViolation;
import dev.pipes.wamp.message.WampMessage.*;
import dev.pipes.wamp.message.WampUris;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.pipes.wamp.router.RouterHarness.*;
import static org.junit.jupiter.api.Assertions.*;

class SessionLifecycleTest {
    final Router router = router();

    @AfterEach
    void close() {
        router.close();
    }

    @Test
    void welcomeAnnouncesTheAdvancedFeaturesAndTheIdentity() {
        TestPeer p = new TestPeer(router);
        p.deliver(new Hello("realm1", Map.of("roles", ROLES)));
        Welcome w = p.expect(Welcome.class);
        assertTrue(w.session() >= 1 && w.session() <= 1L << 53);
        assertEquals("anonymous", w.details().get("authrole"));
        assertEquals("anonymous", w.details().get("authmethod"));
        Map<?, ?> roles = (Map<?, ?>) w.details().get("roles");
        Map<?, ?> dealer = (Map<?, ?>) ((Map<?, ?>) roles.get("dealer")).get("features");
        Map<?, ?> broker = (Map<?, ?>) ((Map<?, ?>) roles.get("broker")).get("features");
        for (String f : List.of("progressive_call_results", "progressive_call_invocations", "call_canceling",
                "call_timeout", "caller_identification", "shared_registration", "pattern_based_registration",
                "session_meta_api")) {
            assertEquals(true, dealer.get(f), f);
        }
        for (String f : List.of("publisher_identification", "publisher_exclusion", "pattern_based_subscription",
                "session_meta_api")) {
            assertEquals(true, broker.get(f), f);
        }
    }

    @Test
    void unknownRealmIsAborted() {
        TestPeer p = new TestPeer(router);
        p.deliver(new Hello("nowhere", Map.of("roles", ROLES)));
        Abort a = p.expect(Abort.class);
        assertEquals(WampUris.NO_SUCH_REALM, a.reason());
        assertEquals("no realm nowhere on this router", a.details().get("message"));
        assertTrue(p.closed);
    }

    @Test
    void messageBeforeHelloIsAProtocolViolation() {
        TestPeer p = new TestPeer(router);
        p.deliver(new Call(1, Map.of(), "p", null, null));
        Abort a = p.expect(Abort.class);
        assertEquals(WampUris.PROTOCOL_VIOLATION, a.reason());
        assertEquals("expected HELLO as the first message, got CALL", a.details().get("message"));
        assertTrue(p.closed);
    }

    @Test
    void helloWithoutRolesIsAProtocolViolation() {
        TestPeer p = new TestPeer(router);
        p.deliver(new Hello("realm1", Map.of()));
        assertEquals("HELLO.Details.roles must be a non-empty dict of the client's roles",
                p.expect(Abort.class).details().get("message"));
    }

    @Test
    void secondHelloAndRouterMessagesFromAClientAreViolations() {
        TestPeer p = join(router);
        p.deliver(new Hello("realm1", Map.of("roles", ROLES)));
        assertEquals("HELLO is not a message a client may send in an established session",
                p.expect(Abort.class).details().get("message"));
        TestPeer q = join(router);
        q.deliver(new Result(1, Map.of(), null, null));
        assertEquals(WampUris.PROTOCOL_VIOLATION, q.expect(Abort.class).reason());
        TestPeer r = join(router);
        r.deliver(new WampError(MessageType.CALL, 1, Map.of(), "x.y", null, null));
        assertEquals("ERROR is not a message a client may send for CALL in an established session",
                r.expect(Abort.class).details().get("message"));
    }

    @Test
    void decodeErrorsAbortOnlyTheOffendingSession() {
        TestPeer bad = join(router);
        TestPeer good = join(router);
        bad.run(() -> bad.session.onProtocolViolation(new ProtocolViolation("wamp.2.json: malformed JSON: x")));
        assertEquals("wamp.2.json: malformed JSON: x", bad.expect(Abort.class).details().get("message"));
        assertTrue(bad.closed);
        good.deliver(new Subscribe(1, Map.of(), "t"));
        good.expect(Subscribed.class);
        bad.deliver(new Subscribe(1, Map.of(), "t"));
        bad.expectNothing();
    }

    @Test
    void goodbyeIsAnsweredAndClosesTheSession() {
        TestPeer p = join(router);
        p.deliver(new Goodbye(Map.of(), WampUris.CLOSE_NORMAL));
        assertEquals(WampUris.CLOSE_GOODBYE_AND_OUT, p.expect(Goodbye.class).reason());
        assertTrue(p.closed);
        assertEquals(0, router.sessionCount().join());
    }

    @Test
    void routerShutdownSaysGoodbyeToEveryone() {
        TestPeer p = join(router);
        router.close();
        assertEquals(WampUris.CLOSE_SYSTEM_SHUTDOWN, p.expect(Goodbye.class).reason());
        assertTrue(p.closed);
    }
}
