package dev.pipes.wamp.router;

import dev.pipes.wamp.message.WampMessage;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/** A transport stand-in that records what the router sends and lets a test play the client. */
final class TestPeer implements Peer {
    final BlockingQueue<WampMessage> inbox = new LinkedBlockingQueue<>();
    final Router router;
    volatile boolean writable = true;
    volatile boolean reading = true;
    volatile boolean closed;
    RouterSession session;

    TestPeer(Router router) {
        this.router = router;
        run(() -> session = router.attach(this));
    }

    void run(Runnable r) {
        try {
            router.loop().submit(r).get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    void deliver(WampMessage... messages) {
        run(() -> {
            for (WampMessage m : messages) session.onMessage(m);
        });
    }

    WampMessage next() {
        try {
            WampMessage m = inbox.poll(5, TimeUnit.SECONDS);
            assertNotNull(m, "no message from the router within 5 s");
            return m;
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    <T extends WampMessage> T expect(Class<T> type) {
        return assertInstanceOf(type, next());
    }

    void expectNothing() {
        run(() -> { });
        assertNull(inbox.poll(), "unexpected message");
    }

    void setWritable(boolean w) {
        writable = w;
        run(() -> session.onWritabilityChanged(w));
    }

    @Override public void send(WampMessage message) { inbox.add(message); }
    @Override public void close() { closed = true; }
    @Override public boolean isWritable() { return writable; }
    @Override public void setReading(boolean r) { reading = r; }
    @Override public String describe() { return "test"; }
}
