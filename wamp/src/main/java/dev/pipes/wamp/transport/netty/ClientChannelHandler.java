package dev.pipes.wamp.transport.netty;

import dev.pipes.wamp.client.Connection;
import dev.pipes.wamp.message.ProtocolViolation;
import dev.pipes.wamp.message.WampMessage;
import dev.pipes.wamp.serialization.Serializer;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler.ClientHandshakeStateEvent;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.util.ReferenceCountUtil;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * The thin bridge between a client's WebSocket channel and its {@link Connection.Listener}: picks
 * the codec of the subprotocol the router chose, then forwards messages, writability and closing.
 */
final class ClientChannelHandler extends ChannelInboundHandlerAdapter {
    private final List<Serializer> serializers;
    private final Connection.Listener listener;
    private final CompletableFuture<Connection> connected;
    /** Why the router ended the connection (its Close frame, or a bad message from it). */
    private String routerReason;
    /** The first transport error: the reason when the router gave none. */
    private String failure;
    /** Set after a failed write, while the rest of what the router sent is read. */
    private boolean draining;

    ClientChannelHandler(List<Serializer> serializers, Connection.Listener listener,
                         CompletableFuture<Connection> connected) {
        this.serializers = serializers;
        this.listener = listener;
        this.connected = connected;
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
        if (evt == ClientHandshakeStateEvent.HANDSHAKE_COMPLETE) {
            var handshaker = ctx.pipeline().get(io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler.class)
                    .handshaker();
            String chosen = handshaker.actualSubprotocol();
            Serializer serializer = serializers.stream().filter(s -> s.subprotocol().equals(chosen)).findFirst().orElse(null);
            if (serializer == null) {
                connected.completeExceptionally(new ProtocolViolation("the router chose no offered WAMP subprotocol"
                        + " (got " + chosen + ")"));
                ctx.close();
                return;
            }
            WampFrameCodec.install(ctx, serializer);
            connected.complete(new ChannelConnection(ctx.channel()));
        } else if (evt == ClientHandshakeStateEvent.HANDSHAKE_TIMEOUT) {
            connected.completeExceptionally(new IllegalStateException("WebSocket handshake timed out"));
        }
        super.userEventTriggered(ctx, evt);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof WampMessage m) {
            listener.onMessage(m);
        } else if (msg instanceof ProtocolViolation v) {
            if (routerReason == null) routerReason = "bad message from the router: " + v.getMessage();
            ctx.writeAndFlush(new WampMessage.Abort(Map.of("message", v.getMessage()),
                    "wamp.error.protocol_violation"));
            ctx.close();
        } else if (msg instanceof io.netty.handler.codec.http.websocketx.CloseWebSocketFrame close) {
            if (routerReason == null) routerReason = "closed by the router: " + close.statusCode() + " " + close.reasonText();
            ReferenceCountUtil.release(msg);
            ctx.close();
        } else {
            ReferenceCountUtil.release(msg);
        }
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        if (connected.isDone()) listener.onWritabilityChanged(ctx.channel().isWritable());
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (!connected.isDone()) {
            connected.completeExceptionally(new IllegalStateException("connection closed during the WebSocket handshake"));
        } else {
            listener.onClosed(routerReason != null ? routerReason : failure != null ? failure : "connection closed");
        }
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (failure == null) failure = "connection failed: " + cause.getMessage();
        if (connected.isDone() && cause instanceof IOException && ctx.channel().isActive()) {
            // A failed write (Netty ends the channel itself after a failed read): the router reset
            // the connection, typically because it closed while this side was still sending (a
            // message above its maximum, say). What it sent before, such as a Close frame saying
            // why, still waits in the receive buffer, and reading a reset connection reaches its
            // end at once: so read on instead of closing. A router that never read on would leave
            // the Close unread behind the reset: the kernel reports the reset to the write first.
            if (!draining) {
                draining = true;
                Channel ch = ctx.channel();
                ch.config().setAutoRead(true); // flow control may have paused reading
                ch.read();
                ch.eventLoop().schedule(() -> { ch.close(); }, DRAIN_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
            }
            return;
        }
        if (!connected.isDone()) connected.completeExceptionally(cause);
        RouterChannelHandler.closeWith(ctx.channel(), WebSocketCloseStatus.INTERNAL_SERVER_ERROR, String.valueOf(cause.getMessage()));
        ctx.close();
    }

    /** A safety net only: after a failed write, reading what is left ends at once. */
    private static final Duration DRAIN_LIMIT = Duration.ofSeconds(1);

    private record ChannelConnection(Channel channel, ReadSwitch reads) implements Connection {
        ChannelConnection(Channel channel) {
            this(channel, new ReadSwitch(channel));
        }

        @Override public void send(WampMessage message) { channel.writeAndFlush(message, channel.voidPromise()); }
        @Override public void close() { channel.close(); }
        @Override public boolean isWritable() { return channel.isWritable(); }
        @Override public void setReading(boolean reading) { reads.set(reading); }
        @Override public Executor executor() { return channel.eventLoop(); }
        @Override public boolean inExecutor() { return channel.eventLoop().inEventLoop(); }
    }
}
