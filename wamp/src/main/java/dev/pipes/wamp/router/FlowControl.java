package dev.pipes.wamp.router;

/**
 * Couples the reading of senders to the writability of receivers. Whenever the router routes a
 * message from session A to session B while B's outbound queue is above its high-water mark, it
 * stops reading from A's transport, and resumes once B has drained below its low-water mark (and no
 * other receiver still holds A back). Memory per receiver is thus bounded by the high-water mark plus
 * what its paused feeders had already read, whatever the rates. Runs on the router's loop only.
 */
final class FlowControl {

    /**
     * Called after a message from {@code from} was queued for {@code to}. {@code from == to} covers
     * the answers to a session's own requests: a client that sends requests but does not read its
     * answers is itself paused, so it cannot fill its own queue either.
     */
    void routed(RouterSession from, RouterSession to) {
        if (from == null || to.peer().isWritable()) return;
        if (to.pausedFeeders.add(from)) {
            from.holdingBack.add(to);
            if (from.holdingBack.size() == 1) {
                from.peer().setReading(false);
            }
        }
    }

    /** The receiver's outbound queue drained (writable) or filled up (not writable). */
    void writabilityChanged(RouterSession receiver, boolean writable) {
        if (writable) release(receiver);
    }

    /** A session is gone: it holds no one back any more, and no one waits for it. */
    void sessionGone(RouterSession s) {
        release(s);
        for (RouterSession receiver : s.holdingBack) {
            receiver.pausedFeeders.remove(s);
        }
        s.holdingBack.clear();
    }

    private static void release(RouterSession receiver) {
        for (RouterSession feeder : receiver.pausedFeeders) {
            if (feeder.holdingBack.remove(receiver) && feeder.holdingBack.isEmpty()) {
                feeder.peer().setReading(true);
            }
        }
        receiver.pausedFeeders.clear();
    }
}
