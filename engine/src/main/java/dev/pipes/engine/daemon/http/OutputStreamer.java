package dev.pipes.engine.daemon.http;

import dev.pipes.engine.daemon.JobOutput;
import dev.pipes.engine.daemon.JobRecord;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.DefaultLastHttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;

/**
 * Streams a job's output as chunks while the job produces it: one chunk in flight at a time (the
 * next is read when the client took the last), waiting on the output when it has caught up, and
 * ending with a trailer that carries the job's status once the job ended and every byte is out.
 */
final class OutputStreamer {
    private static final int CHUNK = 64 * 1024;

    private final ChannelHandlerContext ctx;
    private final ApiResponse.Streamed streamed;
    private final boolean keepAlive;
    private long position;

    OutputStreamer(ChannelHandlerContext ctx, ApiResponse.Streamed streamed, boolean keepAlive) {
        this.ctx = ctx;
        this.streamed = streamed;
        this.keepAlive = keepAlive;
    }

    void start() {
        HttpResponse head = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
        head.headers().set(HttpHeaderNames.CONTENT_TYPE, ApiResponse.BYTES);
        head.headers().set(HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderValues.CHUNKED);
        head.headers().set(HttpHeaderNames.TRAILER, "Pipes-Job-Status, Pipes-Exit-Status");
        streamed.headers().forEach((name, value) -> head.headers().set(name, value));
        ctx.writeAndFlush(head);
        pump();
    }

    private void pump() {
        if (!ctx.channel().isActive()) return;
        JobOutput output = streamed.output();
        byte[] chunk = output.read(position, CHUNK);
        if (chunk.length > 0) {
            position += chunk.length;
            ctx.writeAndFlush(new DefaultHttpContent(Unpooled.wrappedBuffer(chunk))).addListener(f -> {
                if (f.isSuccess()) pump();
                else ctx.close();
            });
            return;
        }
        if (output.closed() && streamed.ended().isDone()) {
            LastHttpContent last = new DefaultLastHttpContent();
            Object record = streamed.ended().getNow(null);
            if (record instanceof JobRecord job) {
                last.trailingHeaders().set("Pipes-Job-Status", job.status().word());
                if (job.exitStatus() != null) last.trailingHeaders().set("Pipes-Exit-Status", job.exitStatus().toString());
            }
            ApiHandler.finish(ctx, ctx.writeAndFlush(last), keepAlive);
            return;
        }
        if (output.closed()) {
            streamed.ended().whenComplete((r, e) -> pump());
        } else {
            output.whenBeyond(position, () -> ctx.executor().execute(this::pump));
        }
    }
}
