package dev.pipes.engine.daemon.http;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;

/** Netty's aggregator, but a body above the limit is answered with a JSON 413 like every other error. */
final class JsonErrorAggregator extends HttpObjectAggregator {
    private final int maxBodyBytes;

    JsonErrorAggregator(int maxBodyBytes) {
        super(maxBodyBytes, true);
        this.maxBodyBytes = maxBodyBytes;
    }

    /** How long a client still sending a refused body is read (and its bytes dropped) before the close. */
    static final java.time.Duration DRAIN_WAIT = java.time.Duration.ofSeconds(2);

    /**
     * Answers 413, then half-closes and keeps reading (the aggregator drops the rest of the body)
     * until the client closes or {@link #DRAIN_WAIT} passes. Closing at once would make the kernel
     * answer the body's remaining bytes with a reset, which can destroy the 413 before the client
     * has read it: the client would see a broken connection instead of the reason.
     */
    @Override
    protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized) {
        var channel = ctx.channel();
        ctx.writeAndFlush(tooLarge()).addListener((ChannelFutureListener) sent -> {
            if (sent.isSuccess() && channel instanceof io.netty.channel.socket.DuplexChannel duplex
                    && channel.pipeline().get(io.netty.handler.ssl.SslHandler.class) == null) {
                duplex.shutdownOutput();
                channel.eventLoop().schedule(() -> channel.close(), DRAIN_WAIT.toMillis(),
                        java.util.concurrent.TimeUnit.MILLISECONDS);
            } else {
                channel.close();
            }
        });
    }

    @Override
    protected Object newContinueResponse(HttpMessage start, int maxContentLength, ChannelPipeline pipeline) {
        Object answer = super.newContinueResponse(start, maxContentLength, pipeline);
        if (answer instanceof FullHttpResponse response
                && response.status().code() == HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE.code()) {
            return tooLarge();
        }
        return answer;
    }

    private FullHttpResponse tooLarge() {
        ApiResponse.Full error = ApiResponse.error(413, "the request body is larger than this API takes ("
                + maxBodyBytes + " bytes)");
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE,
                Unpooled.wrappedBuffer(error.body()));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, error.contentType());
        response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, error.body().length);
        response.headers().set(HttpHeaderNames.CONNECTION, "close");
        return response;
    }
}
