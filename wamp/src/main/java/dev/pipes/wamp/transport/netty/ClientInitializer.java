package dev.pipes.wamp.transport.netty;

import dev.pipes.wamp.client.Connection;
import dev.pipes.wamp.serialization.Serializer;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketClientHandshaker;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.flush.FlushConsolidationHandler;

import java.net.URI;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import static dev.pipes.wamp.transport.netty.PipelineNames.*;

/**
 * Builds a client connection's pipeline: [TLS] -> HTTP -> WebSocket handshake offering the
 * serializers -> frame aggregation -> (after the handshake) WAMP codec -> client session bridge.
 */
final class ClientInitializer extends ChannelInitializer<SocketChannel> {
    private final URI uri;
    private final List<Serializer> serializers;
    private final WebSocketSettings settings;
    private final Connection.Listener listener;
    private final CompletableFuture<Connection> connected;

    ClientInitializer(URI uri, List<Serializer> serializers, WebSocketSettings settings,
                      Connection.Listener listener, CompletableFuture<Connection> connected) {
        this.uri = uri;
        this.serializers = serializers;
        this.settings = settings;
        this.listener = listener;
        this.connected = connected;
    }

    @Override
    protected void initChannel(SocketChannel ch) {
        ChannelPipeline p = ch.pipeline();
        if (settings.ssl() != null) {
            int port = uri.getPort() > 0 ? uri.getPort() : 443;
            p.addLast(SSL, settings.ssl().newHandler(ch.alloc(), uri.getHost(), port));
        }
        p.addLast(FLUSH, new FlushConsolidationHandler(256, true));
        p.addLast(HTTP_CODEC, new HttpClientCodec());
        p.addLast(HTTP_AGGREGATOR, new HttpObjectAggregator(64 * 1024));
        String offered = serializers.stream().map(Serializer::subprotocol).collect(Collectors.joining(","));
        p.addLast(WEBSOCKET, new ProtocolHandler(
                FrameMasking.forUri(uri).handshaker(uri, offered, settings.maxMessageSize())));
        p.addLast(FRAME_AGGREGATOR, new WebSocketFrameAggregator(settings.maxMessageSize()));
        p.addLast(WAMP_SESSION, new ClientChannelHandler(serializers, listener, connected));
    }

    /**
     * Netty's WebSocket handler (Close frames left to the session bridge), except that it leaves
     * closing on an error to {@link ClientChannelHandler}: Netty's closes at once after passing any
     * error on, which after a failed write would drop a Close frame from the router still waiting
     * in the receive buffer, and with it the router's reason.
     */
    private static final class ProtocolHandler extends WebSocketClientProtocolHandler {
        ProtocolHandler(WebSocketClientHandshaker handshaker) {
            super(handshaker, false);
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.fireExceptionCaught(cause);
        }
    }
}
