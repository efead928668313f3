package dev.pipes.wamp.transport.netty;

import io.netty.handler.ssl.SslContext;

/**
 * Limits and buffers of a WebSocket transport. {@code maxMessageSize} bounds one WAMP message (all
 * fragments of a WebSocket message together); the water marks bound a channel's outbound queue
 * and drive flow control: above {@code highWaterMark} the channel is not writable.
 */
public record WebSocketSettings(int maxMessageSize, int lowWaterMark, int highWaterMark, SslContext ssl) {
    public static final int DEFAULT_MAX_MESSAGE_SIZE = 16 * 1024 * 1024;

    public static WebSocketSettings defaults() {
        return new WebSocketSettings(DEFAULT_MAX_MESSAGE_SIZE, 256 * 1024, 1024 * 1024, null);
    }

    public WebSocketSettings withMaxMessageSize(int bytes) {
        return new WebSocketSettings(bytes, lowWaterMark, highWaterMark, ssl);
    }

    public WebSocketSettings withWaterMarks(int low, int high) {
        return new WebSocketSettings(maxMessageSize, low, high, ssl);
    }

    public WebSocketSettings withSsl(SslContext context) {
        return new WebSocketSettings(maxMessageSize, lowWaterMark, highWaterMark, context);
    }
}
