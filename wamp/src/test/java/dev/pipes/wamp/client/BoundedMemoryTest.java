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
                        heldAt = sent;
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
            System.out.printf("bounded memory: producer held back after %d MiB; heap after GC while held %d MiB; "
                            + "peak Netty buffer memory %d MiB over %d MiB sent in %.1f s (%.0f MB/s)%n",
                    heldAt >> 20, heapWhileHeld >> 20, peak.get() >> 20, TOTAL >> 20, seconds, TOTAL / seconds / 1e6);
            assertTrue(heldAt >= 0 && heldAt < 32L << 20, "producer held back after " + heldAt + " bytes");
            assertTrue(peak.get() < BOUND, "peak Netty buffer memory " + peak.get());
            assertTrue(heapWhileHeld < 128L << 20, "heap while held " + heapWhileHeld);
            assertEquals(TOTAL, received.get());
        }
    }

    /** The same with a callee: progressive call invocations streamed to a callee that stops reading. */
    @Test
    void aCalleeThatStopsReadingHoldsTheStreamingCallerBack() throws Exception {
        long total = 256L << 20;
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
                        heldAt = sent;
                        callee.resumeReading();
                    }
                }
                w.get(30, TimeUnit.SECONDS);
                sent += PAYLOAD;
                call.sendChunk(List.of(chunk), Map.of(), sent >= total);
            }
            assertEquals(total, ((Number) call.result().get(60, TimeUnit.SECONDS).arg(0)).longValue());
            System.out.printf("bounded memory (callee): caller held back after %d MiB of a %d MiB stream%n",
                    heldAt >> 20, total >> 20);
            assertTrue(heldAt >= 0 && heldAt < 32L << 20, "caller held back after " + heldAt + " bytes");
        }
    }
}
