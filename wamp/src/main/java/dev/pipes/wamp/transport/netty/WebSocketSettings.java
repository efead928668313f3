package dev.pipes.wamp.transport.netty;

import io.netty.channel.AdaptiveRecvByteBufAllocator;
import io.netty.channel.RecvByteBufAllocator;
import io.netty.handler.ssl.SslContext;

import java.time.Duration;

/**
 * Limits and buffers of a WebSocket transport. {@code maxMessageSize} bounds one WAMP message (all
 * fragments of a WebSocket message together); the water marks bound a channel's outbound queue
 * and drive flow control: above {@code highWaterMark} the channel is not writable.
 * {@code idlePing} detects dead peers (see {@link #withIdlePing}).
 */
public record WebSocketSettings(int maxMessageSize, int lowWaterMark, int highWaterMark, SslContext ssl,
                                Duration idlePing) {
    public static final int DEFAULT_MAX_MESSAGE_SIZE = 16 * 1024 * 1024;

    public static WebSocketSettings defaults() {
        return new WebSocketSettings(DEFAULT_MAX_MESSAGE_SIZE, 256 * 1024, 1024 * 1024, null, Duration.ZERO);
    }

    /**
     * How much one socket read takes: little to start with and while messages are small, growing up
     * to 1 MiB while a peer streams large messages (the default stops at 64 KiB: eight reads and as
     * many pipeline passes for each 512 KiB data call).
     */
    static RecvByteBufAllocator readBuffers() {
        return new AdaptiveRecvByteBufAllocator(64, 16 * 1024, 1024 * 1024);
    }

    public WebSocketSettings withMaxMessageSize(int bytes) {
        return new WebSocketSettings(bytes, lowWaterMark, highWaterMark, ssl, idlePing);
    }

    public WebSocketSettings withWaterMarks(int low, int high) {
        return new WebSocketSettings(maxMessageSize, low, high, ssl, idlePing);
    }

    public WebSocketSettings withSsl(SslContext context) {
        return new WebSocketSettings(maxMessageSize, lowWaterMark, highWaterMark, context, idlePing);
    }

    /**
     * The router pings a connection it has read nothing from for this long, and closes it when the
     * next period passes without anything either (a dead peer). Off (zero) by default: a client that
     * deliberately stops reading (flow control) for longer than two periods cannot answer a ping and
     * would be closed too, so choose a period longer than any pause you expect.
     */
    public WebSocketSettings withIdlePing(Duration period) {
        return new WebSocketSettings(maxMessageSize, lowWaterMark, highWaterMark, ssl, period);
    }
}
