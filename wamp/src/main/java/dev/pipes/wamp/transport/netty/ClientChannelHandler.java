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

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * The thin bridge between a client's WebSocket channel and its {@link Connection.Listener}: picks
 * the codec of the subprotocol the router chose, then forwards messages, writability and closing.
 */
final class ClientChannelHandler extends ChannelInboundHandlerAdapter {
    private final List<Serializer> serializers;
    private final Connection.Listener listener;
    private final CompletableFuture<Connection> connected;
    private String closeReason = "connection closed";

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
            closeReason = "bad message from the router: " + v.getMessage();
            ctx.writeAndFlush(new WampMessage.Abort(Map.of("message", v.getMessage()),
                    "wamp.error.protocol_violation"));
            ctx.close();
        } else if (msg instanceof io.netty.handler.codec.http.websocketx.CloseWebSocketFrame close) {
            closeReason = "closed by the router: " + close.statusCode() + " " + close.reasonText();
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
            listener.onClosed(closeReason);
        }
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        closeReason = "connection failed: " + cause.getMessage();
        if (!connected.isDone()) connected.completeExceptionally(cause);
        RouterChannelHandler.closeWith(ctx.channel(), WebSocketCloseStatus.INTERNAL_SERVER_ERROR, String.valueOf(cause.getMessage()));
        ctx.close();
    }

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
