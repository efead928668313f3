package dev.pipes.wamp.router;

import dev.pipes.wamp.message.WampMessage.*;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.pipes.wamp.router.RouterHarness.*;
import static org.junit.jupiter.api.Assertions.*;

/** The policy without sockets: a receiver that is not writable pauses exactly the sessions feeding it. */
class FlowControlTest {
    final Router router = router();

    @AfterEach
    void close() {
        router.close();
    }

    @Test
    void slowSubscriberPausesItsPublisherUntilItDrains() {
        TestPeer slow = join(router);
        TestPeer fast = join(router);
        TestPeer pub = join(router);
        TestPeer bystander = join(router);
        for (TestPeer s : List.of(slow, fast)) {
            s.deliver(new Subscribe(1, Map.of(), "t"));
            s.expect(Subscribed.class);
        }
        slow.setWritable(false);
        pub.deliver(new Publish(2, Map.of(), "t", List.of("x"), null));
        assertFalse(pub.reading, "publisher feeding a full subscriber stops being read");
        assertTrue(bystander.reading && fast.reading && slow.reading);
        slow.expect(Event.class); // nothing is dropped
        fast.expect(Event.class);
        slow.setWritable(true);
        assertTrue(pub.reading, "reading resumes once the subscriber drained");
    }

    @Test
    void aFeederStaysPausedWhileAnyOfItsReceiversIsFull() {
        TestPeer a = join(router);
        TestPeer b = join(router);
        TestPeer pub = join(router);
        for (TestPeer s : List.of(a, b)) {
            s.deliver(new Subscribe(1, Map.of(), "t"));
            s.expect(Subscribed.class);
        }
        a.setWritable(false);
        b.setWritable(false);
        pub.deliver(new Publish(2, Map.of(), "t", List.of("x"), null));
        assertFalse(pub.reading);
        a.setWritable(true);
        assertFalse(pub.reading, "b is still full");
        b.setWritable(true);
        assertTrue(pub.reading);
    }

    @Test
    void aClientThatDoesNotReadItsOwnAnswersIsPausedToo() {
        TestPeer spammer = join(router);
        spammer.setWritable(false);
        spammer.deliver(new Call(1, Map.of(), "no.such.procedure", null, null));
        spammer.expect(WampError.class);
        assertFalse(spammer.reading, "its error answers fill its own queue: stop reading its requests");
        spammer.setWritable(true);
        assertTrue(spammer.reading);
    }

    @Test
    void slowCallerPausesTheCalleeThatAnswersIt() {
        TestPeer callee = join(router);
        TestPeer caller = join(router);
        callee.deliver(new Register(1, Map.of(), "p"));
        callee.expect(Registered.class);
        caller.deliver(new Call(1, Map.of("receive_progress", true), "p", null, null));
        Invocation inv = callee.expect(Invocation.class);
        caller.setWritable(false);
        callee.deliver(new Yield(inv.request(), Map.of("progress", true), List.of("chunk"), null));
        assertFalse(callee.reading);
        assertTrue(caller.reading);
        caller.run(() -> caller.session.onTransportClosed());
        assertTrue(callee.reading, "a receiver that is gone holds no one back");
    }
}
