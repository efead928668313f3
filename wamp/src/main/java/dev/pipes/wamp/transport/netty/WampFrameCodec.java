package dev.pipes.wamp.transport.netty;

import dev.pipes.wamp.message.ProtocolViolation;
import dev.pipes.wamp.message.WampMessage;
import dev.pipes.wamp.serialization.Serializer;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufOutputStream;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToMessageCodec;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.ContinuationWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;

import java.util.List;

/**
 * WebSocket messages (already aggregated) to {@link WampMessage}s and back, with the serializer
 * chosen during the handshake. A message that does not decode is passed on as a
 * {@link ProtocolViolation} (not thrown), so the session handler can ABORT just that session.
 */
final class WampFrameCodec extends MessageToMessageCodec<WebSocketFrame, WampMessage> {
    private final Serializer serializer;

    WampFrameCodec(Serializer serializer) {
        this.serializer = serializer;
    }

    @Override
    protected void encode(ChannelHandlerContext ctx, WampMessage msg, List<Object> out) throws Exception {
        ByteBuf buf = ctx.alloc().buffer();
        try (ByteBufOutputStream stream = new ByteBufOutputStream(buf)) {
            serializer.encode(msg, stream);
        } catch (Exception | Error e) {
            buf.release();
            throw e;
        }
        out.add(serializer.isBinary() ? new BinaryWebSocketFrame(buf) : new TextWebSocketFrame(buf));
    }

    /** Data frames only: close, ping and pong frames go on to the handlers that deal with them. */
    @Override
    public boolean acceptInboundMessage(Object msg) {
        return msg instanceof TextWebSocketFrame || msg instanceof BinaryWebSocketFrame
                || msg instanceof ContinuationWebSocketFrame;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, WebSocketFrame frame, List<Object> out) {
        if (frame instanceof ContinuationWebSocketFrame) {
            out.add(new ProtocolViolation("unexpected continuation frame outside a fragmented message"));
            return;
        }
        try {
            ByteBuf c = frame.content();
            out.add(c.hasArray()
                    ? serializer.decode(c.array(), c.arrayOffset() + c.readerIndex(), c.readableBytes())
                    : serializer.decode(ByteBufUtil.getBytes(c)));
        } catch (ProtocolViolation e) {
            out.add(e);
        } catch (RuntimeException e) {
            out.add(new ProtocolViolation(serializer.subprotocol() + ": cannot decode message: " + e, e));
        }
    }
}
