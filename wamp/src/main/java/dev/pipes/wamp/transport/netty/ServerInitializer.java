package dev.pipes.wamp.transport.netty;

import dev.pipes.wamp.router.Router;
import dev.pipes.wamp.serialization.Serializers;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.WebSocketDecoderConfig;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketHandshakeException;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.handler.flush.FlushConsolidationHandler;
import io.netty.handler.timeout.IdleStateHandler;

import java.util.concurrent.TimeUnit;

import static dev.pipes.wamp.transport.netty.PipelineNames.*;

/**
 * Builds the pipeline of one router connection: [TLS] -> HTTP -> WebSocket handshake (offering
 * wamp.2.msgpack and wamp.2.json on any path) -> frame aggregation up to the maximum message size
 * -> (after the handshake) WAMP codec -> router session.
 */
final class ServerInitializer extends ChannelInitializer<SocketChannel> {
    private final Router router;
    private final WebSocketSettings settings;

    ServerInitializer(Router router, WebSocketSettings settings) {
        this.router = router;
        this.settings = settings;
    }

    @Override
    protected void initChannel(SocketChannel ch) {
        ch.config().setWriteBufferWaterMark(new WriteBufferWaterMark(settings.lowWaterMark(), settings.highWaterMark()));
        ChannelPipeline p = ch.pipeline();
        if (settings.ssl() != null) {
            p.addLast(SSL, settings.ssl().newHandler(ch.alloc()));
        }
        if (!settings.idlePing().isZero()) {
            p.addLast(IDLE, new IdleStateHandler(settings.idlePing().toMillis(), 0, 0, TimeUnit.MILLISECONDS));
        }
        p.addLast(FLUSH, new FlushConsolidationHandler(256, true));
        p.addLast(HTTP_CODEC, new HttpServerCodec());
        p.addLast(HTTP_AGGREGATOR, new HttpObjectAggregator(64 * 1024));
        p.addLast(WEBSOCKET, new ProtocolHandler(WebSocketServerProtocolConfig.newBuilder()
                .websocketPath("/")
                .checkStartsWith(true)
                .subprotocols(Serializers.subprotocols())
                .handleCloseFrames(true)
                .decoderConfig(WebSocketDecoderConfig.newBuilder()
                        .maxFramePayloadLength(settings.maxMessageSize())
                        .allowExtensions(false)
                        // the router answers a violation itself, with a closing handshake that
                        // lets the peer read why (RouterChannelHandler.beginClose)
                        .closeOnProtocolViolation(false)
                        // the JSON parser checks UTF-8 itself (a bad byte is a protocol violation): no second pass
                        .withUTF8Validator(false)
                        .build())
                .build()));
        p.addLast(FRAME_AGGREGATOR, new WebSocketFrameAggregator(settings.maxMessageSize()));
        p.addLast(WAMP_SESSION, new RouterChannelHandler(router, settings.maxMessageSize()));
    }

    /**
     * Netty's WebSocket handler, except that it leaves closing on an error to the session handler.
     * Netty's passes every error on and then closes the socket at once: for a frame above the
     * maximum that is while the peer is still sending the rest of it, so the kernel answers those
     * bytes with a reset, and the peer's next write fails (EPIPE) before it has read the Close frame
     * saying why. {@link RouterChannelHandler} closes on every error it is passed, with a closing
     * handshake for the WebSocket ones. A failed handshake still gets Netty's 400 answer.
     */
    private static final class ProtocolHandler extends WebSocketServerProtocolHandler {
        ProtocolHandler(WebSocketServerProtocolConfig config) {
            super(config);
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) throws Exception {
            if (cause instanceof WebSocketHandshakeException) {
                super.exceptionCaught(ctx, cause);
            } else {
                ctx.fireExceptionCaught(cause);
            }
        }
    }
}
