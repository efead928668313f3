package dev.pipes.wamp.router;

import dev.pipes.wamp.message.ProtocolViolation;

/** Shared registrations: which of several callees of one procedure gets a call. */
public enum InvokePolicy {
    SINGLE, ROUNDROBIN, RANDOM, FIRST, LAST;

    public static InvokePolicy fromOption(Object invoke) {
        if (invoke == null) return SINGLE;
        for (InvokePolicy p : values()) {
            if (p.option().equals(invoke)) return p;
        }
        throw new ProtocolViolation("unknown invocation policy " + invoke
                + " (expected single, roundrobin, random, first or last)");
    }

    public String option() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
