package dev.pipes.wamp.transport.netty;

import dev.pipes.wamp.client.Connection;
import dev.pipes.wamp.client.Transport;
import dev.pipes.wamp.serialization.Serializer;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.util.concurrent.DefaultThreadFactory;

import javax.net.ssl.SSLException;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Client connections over WebSocket, ws:// or wss://, offering the given serializers in order of
 * preference and using the one the router picks.
 */
public final class WebSocketTransport implements Transport {
    private static volatile EventLoopGroup sharedGroup;

    private final URI uri;
    private final List<Serializer> serializers;
    private final WebSocketSettings settings;
    private final EventLoopGroup group;

    public WebSocketTransport(URI uri, List<Serializer> serializers) {
        this(uri, serializers, WebSocketSettings.defaults(), shared());
    }

    public WebSocketTransport(URI uri, List<Serializer> serializers, WebSocketSettings settings, EventLoopGroup group) {
        String scheme = uri.getScheme();
        if (!"ws".equals(scheme) && !"wss".equals(scheme)) {
            throw new IllegalArgumentException("a WAMP WebSocket URI starts with ws:// or wss://, got " + uri);
        }
        if (serializers.isEmpty()) {
            throw new IllegalArgumentException("offer at least one serializer");
        }
        this.uri = uri;
        this.serializers = List.copyOf(serializers);
        this.settings = "wss".equals(scheme) && settings.ssl() == null ? settings.withSsl(defaultClientSsl()) : settings;
        this.group = group;
    }

    private static SslContext defaultClientSsl() {
        try {
            return SslContextBuilder.forClient().build();
        } catch (SSLException e) {
            throw new IllegalStateException("cannot set up TLS: " + e.getMessage(), e);
        }
    }

    /**
     * The I/O threads (one per core, daemons) shared by the clients that do not bring their own
     * group; each connection stays on one of them, so its messages keep their order.
     */
    public static EventLoopGroup shared() {
        if (sharedGroup == null) {
            synchronized (WebSocketTransport.class) {
                if (sharedGroup == null) {
                    sharedGroup = new MultiThreadIoEventLoopGroup(Runtime.getRuntime().availableProcessors(),
                            new DefaultThreadFactory("wamp-client", true), IoTransport.handlerFactory());
                }
            }
        }
        return sharedGroup;
    }

    @Override
    public CompletableFuture<Connection> connect(Connection.Listener listener) {
        CompletableFuture<Connection> connected = new CompletableFuture<>();
        int port = uri.getPort() > 0 ? uri.getPort() : "wss".equals(uri.getScheme()) ? 443 : 80;
        new Bootstrap()
                .group(group)
                .channel(IoTransport.socketChannel(group))
                .option(ChannelOption.TCP_NODELAY, true)
                // a failed write shuts the output only: the router's Close frame may still wait to
                // be read (ClientChannelHandler.exceptionCaught)
                .option(ChannelOption.AUTO_CLOSE, false)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 10_000)
                .option(ChannelOption.RCVBUF_ALLOCATOR, WebSocketSettings.readBuffers())
                .option(ChannelOption.WRITE_BUFFER_WATER_MARK,
                        new WriteBufferWaterMark(settings.lowWaterMark(), settings.highWaterMark()))
                .handler(new ClientInitializer(uri, serializers, settings, listener, connected))
                .connect(uri.getHost(), port)
                .addListener(f -> {
                    if (!f.isSuccess()) {
                        connected.completeExceptionally(f.cause());
                    }
                });
        return connected;
    }
}
