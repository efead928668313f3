package dev.pipes.engine.daemon.http;

import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Function;

/**
 * Moves requests to the API and answers back; no API logic here. A connection's requests are
 * answered one at a time and in order (reading pauses while one is answered), so pipelined
 * requests cannot overtake each other and a client that sends faster than it reads is slowed.
 */
final class ApiHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
    /** Set while a request of the connection is being answered. */
    static final io.netty.util.AttributeKey<Boolean> ANSWERING = io.netty.util.AttributeKey.valueOf("pipes.http.answering");
    /** Set when the server closes gracefully: the connection closes after the answer in progress. */
    static final io.netty.util.AttributeKey<Boolean> CLOSING = io.netty.util.AttributeKey.valueOf("pipes.http.closing");
    private final Function<ApiRequest, ApiResponse> api;
    private final Executor work;

    ApiHandler(Function<ApiRequest, ApiResponse> api, Executor work) {
        this.api = api;
        this.work = work;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        boolean keepAlive = HttpUtil.isKeepAlive(request);
        if (!request.decoderResult().isSuccess()) {
            Throwable cause = request.decoderResult().cause();
            int status = cause instanceof TooLongFrameException ? 431 : 400;
            respond(ctx, ApiResponse.error(status, "malformed HTTP request: " + cause.getMessage()), false);
            return;
        }
        Map<String, String> headers = new LinkedHashMap<>();
        request.headers().forEach(h -> headers.merge(h.getKey(), h.getValue(), (a, b) -> a + ", " + b));
        byte[] body = ByteBufUtil.getBytes(request.content());
        String method = request.method().name();
        String target = request.uri();
        ctx.channel().attr(ANSWERING).set(true);
        ctx.channel().config().setAutoRead(false);
        work.execute(() -> {
            ApiResponse answer;
            try {
                answer = api.apply(ApiRequest.of(method, target, headers, body));
            } catch (IllegalArgumentException e) {
                answer = ApiResponse.error(400, e.getMessage());
            } catch (RuntimeException e) {
                answer = ApiResponse.error(500, "internal error: " + e);
            }
            respond(ctx, answer, keepAlive);
        });
    }

    static void respond(ChannelHandlerContext ctx, ApiResponse answer, boolean keepAlive) {
        switch (answer) {
            case ApiResponse.Full full -> writeFull(ctx, full, keepAlive);
            case ApiResponse.Deferred deferred -> deferred.answer().whenComplete((later, failure) -> respond(ctx,
                    failure == null ? later : ApiResponse.error(500, "internal error: " + failure), keepAlive));
            case ApiResponse.Streamed streamed -> new OutputStreamer(ctx, streamed, keepAlive).start();
        }
    }

    private static void writeFull(ChannelHandlerContext ctx, ApiResponse.Full full, boolean keepAlive) {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(full.status()),
                Unpooled.wrappedBuffer(full.body()));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, full.contentType());
        response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, full.body().length);
        full.headers().forEach((name, value) -> response.headers().set(name, value));
        finish(ctx, ctx.writeAndFlush(response), keepAlive);
    }

    /** After the last byte of an answer: read the next request, or close. */
    static void finish(ChannelHandlerContext ctx, io.netty.channel.ChannelFuture written, boolean keepAlive) {
        written.addListener(f -> ctx.channel().attr(ANSWERING).set(false));
        if (!keepAlive) {
            written.addListener(ChannelFutureListener.CLOSE);
            return;
        }
        written.addListener(f -> {
            if (!f.isSuccess() || Boolean.TRUE.equals(ctx.channel().attr(CLOSING).get())) {
                ctx.close();
                return;
            }
            ctx.channel().config().setAutoRead(true);
            ctx.read();
        });
    }

    static void markKeepAlive(io.netty.handler.codec.http.HttpResponse response, boolean keepAlive) {
        response.headers().set(HttpHeaderNames.CONNECTION, keepAlive ? HttpHeaderValues.KEEP_ALIVE : HttpHeaderValues.CLOSE);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close(); // a reset connection; nothing to answer
    }
}
