package dev.pipes.wamp.transport.netty;

import dev.pipes.wamp.message.ProtocolViolation;
import dev.pipes.wamp.message.WampMessage;
import dev.pipes.wamp.router.Peer;
import dev.pipes.wamp.router.Router;
import dev.pipes.wamp.router.RouterSession;
import dev.pipes.wamp.serialization.Serializer;
import dev.pipes.wamp.serialization.Serializers;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler.HandshakeComplete;
import io.netty.handler.timeout.IdleStateEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The thin bridge between a WebSocket channel and a {@link RouterSession}: installs the codec of the
 * negotiated serializer, forwards messages, writability and closing. Runs on the router's loop
 * (the server's channels live there), so it calls the session directly.
 */
final class RouterChannelHandler extends ChannelInboundHandlerAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(RouterChannelHandler.class);

    private final Router router;
    private final int maxMessageSize;
    private RouterSession session;
    /** Set once this side sent its Close: the session is over, and what the peer still sends is drained. */
    private boolean closing;
    /** Set once the WebSocket handshake is done: before it, there is no WebSocket to say Close on. */
    private boolean webSocket;

    RouterChannelHandler(Router router, int maxMessageSize) {
        this.router = router;
        this.maxMessageSize = maxMessageSize;
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
        if (evt instanceof IdleStateEvent idle) {
            // nothing read for a period: ping; nothing for a second one: the peer is dead. A channel
            // flow control stopped reading is silent by our own choice, not dead.
            if (!ctx.channel().config().isAutoRead()) return;
            if (session == null) { // no WebSocket yet: nothing to ping with
                if (!idle.isFirst()) ctx.close();
                return;
            }
            if (idle.isFirst()) {
                ctx.writeAndFlush(new PingWebSocketFrame());
            } else {
                LOG.debug("closing {}: no answer to a ping", ctx.channel());
                beginClose(ctx, WebSocketCloseStatus.POLICY_VIOLATION, "no answer to ping");
            }
            return;
        }
        if (evt instanceof HandshakeComplete hs) {
            webSocket = true;
            Serializer serializer = Serializers.bySubprotocol(hs.selectedSubprotocol()).orElse(null);
            if (serializer == null) {
                beginClose(ctx, WebSocketCloseStatus.PROTOCOL_ERROR,
                        "no WAMP subprotocol negotiated: offer wamp.2.json or wamp.2.msgpack");
                return;
            }
            WampFrameCodec.install(ctx, serializer);
            session = router.attach(new ChannelPeer(ctx.channel(), serializer));
        }
        super.userEventTriggered(ctx, evt);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (session == null || closing) {
            io.netty.util.ReferenceCountUtil.release(msg);
            return;
        }
        if (msg instanceof WampMessage m) {
            session.onMessage(m);
        } else if (msg instanceof ProtocolViolation v) {
            session.onProtocolViolation(v);
        } else {
            io.netty.util.ReferenceCountUtil.release(msg);
        }
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        if (session != null) session.onWritabilityChanged(ctx.channel().isWritable());
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (session != null && !closing) session.onTransportClosed();
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof TooLongFrameException || cause instanceof CorruptedWebSocketFrameException c
                && c.closeStatus() == WebSocketCloseStatus.MESSAGE_TOO_BIG) {
            beginClose(ctx, WebSocketCloseStatus.MESSAGE_TOO_BIG,
                    "WAMP message larger than the maximum of " + maxMessageSize + " bytes");
        } else if (cause instanceof CorruptedWebSocketFrameException c) {
            beginClose(ctx, c.closeStatus(), "invalid WebSocket frame: " + c.getMessage());
        } else if (cause instanceof java.io.IOException || cause.getCause() instanceof javax.net.ssl.SSLException) {
            // the peer went away, or spoke plain text to TLS: nothing the router can do but close
            LOG.debug("closing {}: {}", ctx.channel(), cause.toString());
            ctx.close();
        } else {
            LOG.warn("closing {} after an unexpected error: {}", ctx.channel(), cause.toString(), cause);
            ctx.close();
        }
    }

    /**
     * The router's side of the closing handshake: sends Close, ends the session, then half-closes
     * and keeps reading (discarding) until the peer closes too. Closing the socket at once would
     * make the kernel answer the bytes the peer is still sending (the rest of a message too large,
     * say) with a reset, which can destroy the Close frame before the peer has read it; so the peer
     * could not learn why. A peer that never closes is dropped after {@link #CLOSE_WAIT}. (Netty's
     * WebSocket handler would close at once after any error: see ServerInitializer.ProtocolHandler.)
     */
    private void beginClose(ChannelHandlerContext ctx, WebSocketCloseStatus status, String reason) {
        Channel ch = ctx.channel();
        if (closing || !ch.isActive()) return;
        if (!webSocket) { // still HTTP (a request too large, say): nothing to send a Close frame in
            ctx.close();
            return;
        }
        closing = true;
        if (session != null) session.onTransportClosed();
        ch.config().setAutoRead(true); // flow control may have paused reading: drain
        // the deadline runs from now: a peer that reads nothing may never let the Close frame out
        ch.eventLoop().schedule(() -> ch.close(), CLOSE_WAIT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        ch.writeAndFlush(new CloseWebSocketFrame(status.code(), reason)).addListener(sent -> {
            if (ch instanceof io.netty.channel.socket.DuplexChannel duplex && sent.isSuccess()
                    && ch.pipeline().get(PipelineNames.SSL) == null) {
                duplex.shutdownOutput();
            }
        });
    }

    /** How long the router waits for the peer to close after its Close frame. */
    static final java.time.Duration CLOSE_WAIT = java.time.Duration.ofSeconds(2);

    static void closeWith(Channel ch, WebSocketCloseStatus status, String reason) {
        if (!ch.isActive()) return;
        ch.writeAndFlush(new CloseWebSocketFrame(status.code(), reason)).addListener(ChannelFutureListener.CLOSE);
    }

    /** The router's view of this channel. */
    private record ChannelPeer(Channel channel, Serializer serializer, ReadSwitch reads) implements Peer {
        ChannelPeer(Channel channel, Serializer serializer) {
            this(channel, serializer, new ReadSwitch(channel));
        }

        @Override public void send(WampMessage message) { channel.writeAndFlush(message, channel.voidPromise()); }
        @Override public void close() { channel.flush(); channel.close(); }
        @Override public boolean isWritable() { return channel.isWritable(); }
        @Override public void setReading(boolean reading) { reads.set(reading); }
        @Override public String describe() {
            return "websocket " + channel.remoteAddress() + " " + serializer.subprotocol();
        }
    }
}
