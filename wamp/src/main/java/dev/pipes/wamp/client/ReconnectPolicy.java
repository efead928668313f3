package dev.pipes.wamp.client;

import java.time.Duration;

/**
 * Exponential backoff between reconnection attempts: {@code initial}, times {@code factor} after
 * each failure, at most {@code max}; {@code maxAttempts} 0 means never reconnect.
 */
public record ReconnectPolicy(Duration initial, Duration max, double factor, int maxAttempts) {
    public static final ReconnectPolicy NEVER = new ReconnectPolicy(Duration.ZERO, Duration.ZERO, 1, 0);

    public static ReconnectPolicy backoff(Duration initial, Duration max) {
        return new ReconnectPolicy(initial, max, 2.0, Integer.MAX_VALUE);
    }

    Duration delay(int attempt) {
        double ms = initial.toMillis() * Math.pow(factor, Math.max(0, attempt - 1));
        return Duration.ofMillis((long) Math.min(ms, max.toMillis()));
    }
}
