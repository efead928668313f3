package dev.pipes.engine.daemon.http;

import dev.pipes.wamp.transport.netty.IoTransport;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpServerCodec;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.Executor;
import java.util.function.Function;

/**
 * One HTTP/1.1 listening socket: a workflow's API or the daemon's control port. The pipeline is
 * the HTTP codec, the aggregator (which answers 413 for a body above the limit) and the
 * {@link ApiHandler}; requests are answered on {@code work}, off the event loop, since answering
 * may touch the store.
 */
public final class HttpServer implements AutoCloseable {
    static final String CODEC = "http-codec";
    static final String AGGREGATOR = "http-aggregator";
    static final String HANDLER = "api";

    private final Channel channel;
    /** The accepted connections, closed with the server: a kept-alive one would else outlive it, unanswered. */
    private final io.netty.channel.group.ChannelGroup connections;

    private HttpServer(Channel channel, io.netty.channel.group.ChannelGroup connections) {
        this.channel = channel;
        this.connections = connections;
    }

    /**
     * Listens on {@code host:port} (0: a free port).
     * @throws IOException naming the address when it cannot be bound (in use, not an address of this host)
     */
    public static HttpServer bind(EventLoopGroup group, String host, int port, int maxBodyBytes,
                                  Function<ApiRequest, ApiResponse> api, Executor work) throws IOException {
        var connections = new io.netty.channel.group.DefaultChannelGroup("http-connections",
                io.netty.util.concurrent.GlobalEventExecutor.INSTANCE);
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(group)
                .channel(IoTransport.serverChannel(group))
                .option(ChannelOption.SO_BACKLOG, 1024)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        connections.add(ch); // and removed by the group when it closes
                        ch.pipeline()
                                .addLast(CODEC, new HttpServerCodec())
                                .addLast(AGGREGATOR, new JsonErrorAggregator(maxBodyBytes))
                                .addLast(HANDLER, new ApiHandler(api, work));
                    }
                });
        try {
            return new HttpServer(bootstrap.bind(host, port).sync().channel(), connections);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while binding " + host + ":" + port);
        } catch (Exception e) {
            throw new IOException("cannot listen on " + host + ":" + port + ": " + e.getMessage(), e);
        }
    }

    public InetSocketAddress address() {
        return (InetSocketAddress) channel.localAddress();
    }

    public int port() {
        return address().getPort();
    }

    @Override
    public void close() {
        channel.close().syncUninterruptibly();
        connections.close().awaitUninterruptibly();
    }

    /**
     * Stops listening, closes the idle connections at once and the others after the answer they
     * are giving (the answer to a request that stopped the daemon, say), waiting {@code grace} at
     * most before closing what is left.
     */
    public void closeGracefully(java.time.Duration grace) {
        channel.close().syncUninterruptibly();
        for (Channel connection : connections) {
            connection.eventLoop().execute(() -> {
                connection.attr(ApiHandler.CLOSING).set(true);
                if (!Boolean.TRUE.equals(connection.attr(ApiHandler.ANSWERING).get())) connection.close();
            });
        }
        if (!connections.newCloseFuture().awaitUninterruptibly(grace.toMillis())) {
            connections.close().awaitUninterruptibly();
        }
    }
}
