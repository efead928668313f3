package dev.pipes.wamp.client;

import dev.pipes.wamp.serialization.Serializers;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufAllocatorMetric;
import io.netty.buffer.ByteBufAllocatorMetricProvider;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;


import static org.junit.jupiter.api.Assertions.*;

/**
 * 1 GiB published over loopback WebSocket (msgpack, 64 KiB binary events) to a subscriber that
 * first stops reading: the producer must be held back within a few MiB, and the memory of the
 * whole JVM (router and both clients) must stay bounded while all of the GiB goes through.
 */
class BoundedMemoryTest {
    static final int PAYLOAD = 64 * 1024;
    static final long TOTAL = 1L << 30;
    static final long BOUND = 64L << 20; // what the test allows the Netty buffers to hold at any time

    /**
     * What may be in flight between a producer that waits for {@code writable()} and a consumer that
     * stopped reading, whatever pipes' code does: on each of the two TCP hops (client to router,
     * router to client) the sender's socket buffer and the receiver's, which Linux grows on its own
     * up to {@code tcp_wmem} and {@code tcp_rmem}'s maxima (32 MiB for a receive buffer on some
     * machines); plus what flow control lets our code hold: two outbound queues at their high-water
     * mark (1 MiB each), the router's read in progress (up to 1 MiB) and one message. Anything
     * beyond this would be a queue of ours that does not hold its producer back.
     */
    static long inFlightBound() {
        long perHop = kernelMax("tcp_rmem", 6L << 20) + kernelMax("tcp_wmem", 4L << 20);
        return 2 * perHop + 3 * (1L << 20) + PAYLOAD;
    }

    private static long kernelMax(String setting, long fallback) {
        try {
            // readAllLines: Files.readString trusts the size /proc reports (0) and returns one character
            String line = java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/sys/net/ipv4", setting)).get(0);
            String[] fields = line.trim().split("\\s+");
            return Long.parseLong(fields[fields.length - 1]);
        } catch (java.io.IOException | RuntimeException e) {
            return fallback;
        }
    }

    static long nettyBytes() {
        ByteBufAllocatorMetric m = ((ByteBufAllocatorMetricProvider) ByteBufAllocator.DEFAULT).metric();
        return m.usedDirectMemory() + m.usedHeapMemory();
    }

    @Test
    void aSubscriberThatStopsReadingHoldsTheProducerBack() throws Exception {
        try (Routers routers = new Routers();
             WampClient sub = routers.join(routers.websocket(Serializers.MSGPACK));
             WampClient pub = routers.join(routers.websocket(Serializers.MSGPACK))) {
            AtomicLong received = new AtomicLong();
            CompletableFuture<Void> all = new CompletableFuture<>();
            sub.subscribe("stream", Options.Subscribe.DEFAULT, e -> {
                if (received.addAndGet(((byte[]) e.arg(0)).length) == TOTAL) all.complete(null);
            }).get(5, TimeUnit.SECONDS);
            AtomicLong peak = new AtomicLong();
            Thread sampler = Thread.ofPlatform().daemon().start(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    peak.accumulateAndGet(nettyBytes(), Math::max);
                    try {
                        Thread.sleep(5);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            sub.pauseReading();
            byte[] chunk = new byte[PAYLOAD];
            long sent = 0;
            long heldAt = -1;
            long heapWhileHeld = 0;
            long start = System.nanoTime();
            while (sent < TOTAL) {
                CompletableFuture<Void> w = pub.writable();
                if (heldAt < 0) {
                    try {
                        w.get(300, TimeUnit.MILLISECONDS);
                    } catch (TimeoutException blocked) {
                        heldAt = sent - received.get();
                        System.gc();
                        heapWhileHeld = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
                        sub.resumeReading();
                    }
                }
                w.get(30, TimeUnit.SECONDS);
                pub.publish("stream", Options.Publish.DEFAULT, List.of(chunk), Map.of());
                sent += PAYLOAD;
            }
            all.get(60, TimeUnit.SECONDS);
            double seconds = (System.nanoTime() - start) / 1e9;
            sampler.interrupt();
            System.out.printf("bounded memory: producer held back with %d MiB in flight (bound %d MiB); heap after GC "
                            + "while held %d MiB; peak Netty buffer memory %d MiB over %d MiB sent in %.1f s (%.0f MB/s)%n",
                    heldAt >> 20, inFlightBound() >> 20, heapWhileHeld >> 20, peak.get() >> 20, TOTAL >> 20, seconds,
                    TOTAL / seconds / 1e6);
            assertTrue(heldAt >= 0, "the producer was never held back");
            assertTrue(heldAt < inFlightBound(), "producer held back with " + heldAt + " bytes in flight");
            assertTrue(peak.get() < BOUND, "peak Netty buffer memory " + peak.get());
            assertTrue(heapWhileHeld < 128L << 20, "heap while held " + heapWhileHeld);
            assertEquals(TOTAL, received.get());
        }
    }

    /** The same with a callee: progressive call invocations streamed to a callee that stops reading. */
    @Test
    void aCalleeThatStopsReadingHoldsTheStreamingCallerBack() throws Exception {
        // well beyond what may be in flight, so that a caller that is never held back fails the test
        long total = Math.max(256L << 20, (2 * inFlightBound() / PAYLOAD + 1) * PAYLOAD);
        try (Routers routers = new Routers();
             WampClient callee = routers.join(routers.websocket(Serializers.MSGPACK));
             WampClient caller = routers.join(routers.websocket(Serializers.MSGPACK))) {
            AtomicLong received = new AtomicLong();
            callee.register("sink", inv -> {
                CompletableFuture<CallResult> done = new CompletableFuture<>();
                received.addAndGet(((byte[]) inv.arg(0)).length);
                inv.onChunk((args, kwargs, last) -> {
                    received.addAndGet(((byte[]) args.get(0)).length);
                    if (last) done.complete(CallResult.of(received.get()));
                });
                return done;
            }).get(5, TimeUnit.SECONDS);
            byte[] chunk = new byte[PAYLOAD];
            CallHandle call = caller.callProgressive("sink", Options.Call.DEFAULT, List.of(chunk), Map.of());
            callee.pauseReading();
            long sent = PAYLOAD;
            long heldAt = -1;
            while (sent < total) {
                CompletableFuture<Void> w = caller.writable();
                if (heldAt < 0) {
                    try {
                        w.get(300, TimeUnit.MILLISECONDS);
                    } catch (TimeoutException blocked) {
                        heldAt = sent - received.get(); // what the callee took before its pause applied is not held
                        callee.resumeReading();
                    }
                }
                w.get(30, TimeUnit.SECONDS);
                sent += PAYLOAD;
                call.sendChunk(List.of(chunk), Map.of(), sent >= total);
            }
            assertEquals(total, ((Number) call.result().get(60, TimeUnit.SECONDS).arg(0)).longValue());
            System.out.printf("bounded memory (callee): caller held back with %d MiB in flight (bound %d MiB) of a %d MiB "
                    + "stream%n", heldAt >> 20, inFlightBound() >> 20, total >> 20);
            assertTrue(heldAt >= 0, "the caller was never held back");
            assertTrue(heldAt < inFlightBound(), "caller held back with " + heldAt + " bytes in flight");
        }
    }
}
