package dev.pipes.wamp.transport.netty;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToMessageEncoder;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.ContinuationWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrameEncoder;

import java.util.List;

/**
 * A client's frames with the masking key zero (see {@link FrameMasking}): the header, then the
 * payload buffer itself, never copied. Netty's encoder copies the payload behind the header for
 * any masked frame, even when the key is zero, which for large messages is a whole extra copy.
 */
final class ZeroKeyFrameEncoder extends MessageToMessageEncoder<WebSocketFrame> implements WebSocketFrameEncoder {
    /** Below this a payload is copied behind the header: one small write beats a gathering one. */
    private static final int GATHER_FROM = 1024;
    private static final int MAX_CONTROL_PAYLOAD = 125;

    ZeroKeyFrameEncoder() {
        super(WebSocketFrame.class);
    }

    @Override
    protected void encode(ChannelHandlerContext ctx, WebSocketFrame frame, List<Object> out) {
        ByteBuf data = frame.content();
        int length = data.readableBytes();
        int opcode = opcode(frame);
        if (opcode >= 8 && length > MAX_CONTROL_PAYLOAD) {
            throw new TooLongFrameException("a control frame's payload is at most 125 bytes, got " + length);
        }
        boolean gather = length >= GATHER_FROM;
        ByteBuf header = ctx.alloc().buffer(14 + (gather ? 0 : length));
        header.writeByte((frame.isFinalFragment() ? 0x80 : 0) | (frame.rsv() & 7) << 4 | opcode);
        if (length <= 125) {
            header.writeByte(0x80 | length);
        } else if (length <= 0xFFFF) {
            header.writeByte(0x80 | 126).writeShort(length);
        } else {
            header.writeByte(0x80 | 127).writeLong(length);
        }
        header.writeInt(0); // the masking key: XOR with zero leaves the payload as it is
        if (gather) {
            out.add(header);
            out.add(data.retain()); // the encoder releases the frame, the write releases this
        } else {
            out.add(header.writeBytes(data));
        }
    }

    private static int opcode(WebSocketFrame frame) {
        return switch (frame) {
            case ContinuationWebSocketFrame f -> 0x0;
            case TextWebSocketFrame f -> 0x1;
            case BinaryWebSocketFrame f -> 0x2;
            case CloseWebSocketFrame f -> 0x8;
            case PingWebSocketFrame f -> 0x9;
            case PongWebSocketFrame f -> 0xA;
            default -> throw new UnsupportedOperationException("cannot encode a " + frame.getClass().getSimpleName());
        };
    }
}
