package dev.pipes.wamp.router;

import java.util.concurrent.ThreadLocalRandom;

/** WAMP ids: global-scope ids are random in [1, 2^53] as the specification asks. */
final class Ids {
    static final long MAX = 1L << 53;

    private Ids() {
    }

    static long random() {
        return ThreadLocalRandom.current().nextLong(1, MAX + 1);
    }
}
