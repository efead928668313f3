package dev.pipes.wamp.router;

import dev.pipes.wamp.message.WampMessage;
import java.util.List;
import java.util.Map;

/**
 * What a router has carried since it started: the calls, yields and publications its sessions sent
 * and the bytes of binary payload in them (the arguments and keyword arguments, top level). Enough
 * to tell a router that carries only control from one that carries data. Written on the router's
 * loop only, read from anywhere.
 */
public final class RouterCounters {
    private volatile long calls;
    private volatile long yields;
    private volatile long publications;
    private volatile long binaryBytes;

    /** A snapshot of the counters. */
    public record Snapshot(long calls, long yields, long publications, long binaryBytes) {}

    public Snapshot snapshot() {
        return new Snapshot(calls, yields, publications, binaryBytes);
    }

    void counted(WampMessage m) {
        switch (m) {
            case WampMessage.Call c -> {
                calls++;
                binaryBytes += binary(c.args(), c.kwargs());
            }
            case WampMessage.Yield y -> {
                yields++;
                binaryBytes += binary(y.args(), y.kwargs());
            }
            case WampMessage.Publish p -> {
                publications++;
                binaryBytes += binary(p.args(), p.kwargs());
            }
            default -> { }
        }
    }

    private static long binary(List<Object> args, Map<String, Object> kwargs) {
        long n = 0;
        if (args != null) for (Object o : args) if (o instanceof byte[] b) n += b.length;
        if (kwargs != null) for (Object o : kwargs.values()) if (o instanceof byte[] b) n += b.length;
        return n;
    }
}
