package dev.pipes.wamp.transport.netty;

import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.websocketx.WebSocket08FrameEncoder;
import io.netty.handler.codec.http.websocketx.WebSocketClientHandshaker;
import io.netty.handler.codec.http.websocketx.WebSocketClientHandshaker13;
import io.netty.handler.codec.http.websocketx.WebSocketFrameEncoder;
import io.netty.handler.codec.http.websocketx.WebSocketVersion;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;

/**
 * How a client masks the frames it sends. RFC 6455 asks a client to mask every frame with an
 * unpredictable key so that a browser page cannot make a transparent proxy on the way see bytes of
 * its choosing (cache poisoning). XOR-ing every byte is also by far the largest cost of streaming
 * data through a WebSocket client (it was ~90% of the CPU of a pipeline of three services), so the
 * mask stays random only where an intermediary can read the bytes: a ws:// connection to another
 * host. To a loopback address (nothing in between) and over TLS (an intermediary sees ciphertext)
 * the key is zero: still a masked frame on the wire that every server accepts, and Netty's encoder
 * and decoder both skip the XOR for it.
 */
enum FrameMasking {
    RANDOM, ZERO_KEY;

    /** Netty's own default: how long to wait for the server's close frame before closing anyway. */
    private static final long DEFAULT_FORCE_CLOSE_TIMEOUT_MILLIS = 10_000;

    static FrameMasking forUri(URI uri) {
        return "wss".equalsIgnoreCase(uri.getScheme()) || isLoopback(uri.getHost()) ? ZERO_KEY : RANDOM;
    }

    /** The handshaker of a connection to {@code uri}, whose frame encoder masks as this says. */
    WebSocketClientHandshaker handshaker(URI uri, String subprotocols, int maxMessageSize) {
        return new WebSocketClientHandshaker13(uri, WebSocketVersion.V13, subprotocols, false,
                new DefaultHttpHeaders(), maxMessageSize, true, false, DEFAULT_FORCE_CLOSE_TIMEOUT_MILLIS) {
            @Override
            protected WebSocketFrameEncoder newWebSocketEncoder() {
                return encoder();
            }
        };
    }

    /** The encoder of the frames a client sends. */
    WebSocketFrameEncoder encoder() {
        return this == ZERO_KEY ? new ZeroKeyFrameEncoder() : new WebSocket08FrameEncoder(true);
    }

    private static boolean isLoopback(String host) {
        if (host == null) return false;
        if (host.equalsIgnoreCase("localhost")) return true;
        try {
            // a literal address only: a name would need a DNS lookup here, on the connecting thread
            return isLiteralAddress(host) && InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static boolean isLiteralAddress(String host) {
        return host.startsWith("[") || host.chars().allMatch(c -> Character.isDigit(c) || c == '.' || c == ':');
    }
}
