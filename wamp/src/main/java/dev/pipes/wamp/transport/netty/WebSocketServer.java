package dev.pipes.wamp.transport.netty;

import dev.pipes.wamp.router.Router;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;

import java.net.InetSocketAddress;

/**
 * Serves a {@link Router} over WebSocket (ws://, or wss:// when the settings carry a TLS context).
 * Accepted channels run on the router's own loop, so routing needs no thread hand-off.
 */
public final class WebSocketServer implements AutoCloseable {
    private final Channel serverChannel;

    private WebSocketServer(Channel serverChannel) {
        this.serverChannel = serverChannel;
    }

    /** Binds to {@code host:port} (port 0 picks a free port) and starts accepting. */
    public static WebSocketServer start(Router router, String host, int port, WebSocketSettings settings)
            throws InterruptedException {
        Channel ch = new ServerBootstrap()
                .group(router.group())
                .channel(IoTransport.serverChannel(router.group()))
                .option(ChannelOption.SO_BACKLOG, 1024)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.RCVBUF_ALLOCATOR, WebSocketSettings.readBuffers())
                .childHandler(new ServerInitializer(router, settings))
                .bind(host, port).sync().channel();
        return new WebSocketServer(ch);
    }

    public int port() {
        return ((InetSocketAddress) serverChannel.localAddress()).getPort();
    }

    @Override
    public void close() {
        serverChannel.close().syncUninterruptibly();
    }
}
