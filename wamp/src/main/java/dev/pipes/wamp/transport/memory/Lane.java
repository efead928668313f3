package dev.pipes.wamp.transport.memory;

import dev.pipes.wamp.message.WampMessage;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * One direction of an in-memory connection: a queue drained on the consumer's executor, with
 * water marks like a socket's so that flow control behaves as over WebSocket. The producer sees
 * "not writable" above {@code high} queued messages and "writable" again at {@code low}; a
 * consumer that stops reading leaves messages queued (and the producer unwritable).
 */
final class Lane {
    private static final Object CLOSE = new Object();

    private final ConcurrentLinkedQueue<Object> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final int low;
    private final int high;
    private final Executor consumerExecutor;
    private final Executor producerExecutor;
    private Consumer<WampMessage> consumer;
    private Runnable onClose;
    private Consumer<Boolean> onWritability;
    private int pending;            // guarded by this
    private boolean writable = true; // guarded by this
    private volatile boolean reading = true;
    private volatile boolean closed;

    Lane(int low, int high, Executor producerExecutor, Executor consumerExecutor) {
        this.low = low;
        this.high = high;
        this.producerExecutor = producerExecutor;
        this.consumerExecutor = consumerExecutor;
    }

    void bind(Consumer<WampMessage> consumer, Runnable onClose, Consumer<Boolean> onWritability) {
        this.consumer = consumer;
        this.onClose = onClose;
        this.onWritability = onWritability;
    }

    void offer(WampMessage m) {
        if (closed) return;
        queue.add(m);
        synchronized (this) {
            if (++pending >= high && writable) {
                writable = false;
                producerExecutor.execute(() -> onWritability.accept(false));
            }
        }
        schedule();
    }

    void close() {
        if (closed) return;
        closed = true;
        queue.add(CLOSE);
        reading = true; // a closing connection is drained so the other side learns it closed
        schedule();
    }

    boolean isWritable() {
        synchronized (this) {
            return writable;
        }
    }

    void setReading(boolean r) {
        reading = r;
        if (r) schedule();
    }

    private void schedule() {
        if (reading && !queue.isEmpty() && scheduled.compareAndSet(false, true)) {
            consumerExecutor.execute(this::drain);
        }
    }

    private void drain() {
        scheduled.set(false);
        for (int batch = 0; batch < 64 && reading; batch++) {
            Object o = queue.poll();
            if (o == null) break;
            if (o == CLOSE) {
                onClose.run();
                continue;
            }
            consumer.accept((WampMessage) o);
            synchronized (this) {
                if (--pending <= low && !writable) {
                    writable = true;
                    producerExecutor.execute(() -> onWritability.accept(true));
                }
            }
        }
        schedule();
    }
}
