package dev.pipes.wamp.transport.netty;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketClientHandshakerFactory;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketVersion;

import java.net.URI;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A bare WebSocket client for tests: sends any frame, records every frame it gets, close frames too. */
final class RawWebSocket implements AutoCloseable {
    final BlockingQueue<WebSocketFrame> received = new LinkedBlockingQueue<>();
    final CompletableFuture<Void> closed = new CompletableFuture<>();
    final Channel channel;

    RawWebSocket(URI uri, String subprotocol) throws Exception {
        CompletableFuture<Void> handshake = new CompletableFuture<>();
        channel = new Bootstrap().group(WebSocketTransport.shared()).channel(IoTransport.socketChannel(WebSocketTransport.shared()))
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(new HttpClientCodec(), new HttpObjectAggregator(65536),
                                new WebSocketClientProtocolHandler(WebSocketClientHandshakerFactory.newHandshaker(uri,
                                        WebSocketVersion.V13, subprotocol, false, new DefaultHttpHeaders(), 64 << 20), false),
                                new SimpleChannelInboundHandler<WebSocketFrame>() {
                                    @Override
                                    protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame f) {
                                        received.add(f.retain());
                                    }

                                    @Override
                                    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
                                        if (evt == WebSocketClientProtocolHandler.ClientHandshakeStateEvent.HANDSHAKE_COMPLETE) {
                                            handshake.complete(null);
                                        }
                                    }

                                    @Override
                                    public void channelInactive(ChannelHandlerContext ctx) {
                                        closed.complete(null);
                                        handshake.completeExceptionally(new IllegalStateException("closed"));
                                    }
                                });
                    }
                }).connect(uri.getHost(), uri.getPort()).sync().channel();
        handshake.get(5, TimeUnit.SECONDS);
    }

    void send(WebSocketFrame frame) {
        channel.writeAndFlush(frame);
    }

    WebSocketFrame next() throws InterruptedException {
        WebSocketFrame f = received.poll(5, TimeUnit.SECONDS);
        if (f == null) throw new AssertionError("no frame from the router within 5 s");
        return f;
    }

    @Override
    public void close() {
        channel.close().syncUninterruptibly();
        received.forEach(WebSocketFrame::release);
    }
}
