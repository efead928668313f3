package dev.pipes.wamp.transport.netty;

import dev.pipes.wamp.message.ProtocolViolation;
import dev.pipes.wamp.message.WampMessage;
import dev.pipes.wamp.serialization.Serializer;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufOutputStream;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.codec.MessageToMessageCodec;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.ContinuationWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrameDecoder;
import io.netty.util.concurrent.FastThreadLocal;

import java.util.List;

/**
 * WebSocket messages (already aggregated) to {@link WampMessage}s and back, with the serializer
 * chosen during the handshake. A message that does not decode is passed on as a
 * {@link ProtocolViolation} (not thrown), so the session handler can ABORT just that session.
 */
final class WampFrameCodec extends MessageToMessageCodec<WebSocketFrame, WampMessage> {
    /** The largest scratch array an event-loop thread keeps for decoding (larger messages get their own). */
    private static final int MAX_SCRATCH = 2 * 1024 * 1024;
    private static final FastThreadLocal<byte[]> SCRATCH = new FastThreadLocal<>();

    private final Serializer serializer;

    WampFrameCodec(Serializer serializer) {
        this.serializer = serializer;
    }

    /**
     * Puts the codec of {@code serializer} in front of {@code session} (the WAMP session's handler),
     * once the WebSocket handshake is done. The frame decoder then gathers a frame's reads as a
     * list of buffers instead of copying each one into a growing buffer: it copies the payload out
     * of them anyway, and with 512 KiB data calls the merging was a tenth of a pipeline's CPU.
     */
    static void install(ChannelHandlerContext session, Serializer serializer) {
        ChannelPipeline pipeline = session.pipeline();
        if (pipeline.get(WebSocketFrameDecoder.class) instanceof ByteToMessageDecoder frames) {
            frames.setCumulator(ByteToMessageDecoder.COMPOSITE_CUMULATOR);
        }
        pipeline.addBefore(session.name(), PipelineNames.WAMP_CODEC, new WampFrameCodec(serializer));
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

    private static byte[] scratch(int length) {
        byte[] bytes = SCRATCH.get();
        if (bytes == null || bytes.length < length) {
            bytes = new byte[Math.max(length, 64 * 1024)];
            SCRATCH.set(bytes);
        }
        return bytes;
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
            if (c.hasArray()) {
                out.add(serializer.decode(c.array(), c.arrayOffset() + c.readerIndex(), c.readableBytes()));
            } else {
                // direct memory: the parsers read arrays, so copy into this thread's scratch array
                // (the decoded message copies what it keeps: it never refers to the scratch)
                int length = c.readableBytes();
                byte[] bytes = length <= MAX_SCRATCH ? scratch(length) : new byte[length];
                c.getBytes(c.readerIndex(), bytes, 0, length);
                out.add(serializer.decode(bytes, 0, length));
            }
        } catch (ProtocolViolation e) {
            out.add(e);
        } catch (RuntimeException e) {
            out.add(new ProtocolViolation(serializer.subprotocol() + ": cannot decode message: " + e, e));
        }
    }
}
