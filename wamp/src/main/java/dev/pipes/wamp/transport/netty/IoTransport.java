package dev.pipes.wamp.transport.netty;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoEventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.ServerSocketChannel;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;

/**
 * Which socket I/O the router and the clients use: Linux's epoll through Netty's native transport
 * where it loads (fewer system calls and no selected-key sets: a small WAMP call costs less CPU),
 * Java NIO elsewhere or when {@code -Dpipes.wamp.nio=true} asks for it. A group's channels must be
 * of its kind, so the channel classes follow the group.
 */
public final class IoTransport {
    private IoTransport() {}

    /** Loads the native library on first use only: a pipesh that runs no service never needs it. */
    private static final class Native {
        static final boolean EPOLL = !Boolean.getBoolean("pipes.wamp.nio") && Epoll.isAvailable();
    }

    /**
     * For programs (not tests): turns off Netty's buffer leak detection unless
     * {@code -Dio.netty.leakDetection.level} asks for a level. By default it records a stack trace
     * for one buffer in 128, about a twentieth of a router's CPU; the tests keep it on.
     */
    public static void useProductionSettings() {
        // a property rather than ResourceLeakDetector.setLevel: no Netty class is loaded at start-up
        System.getProperties().putIfAbsent("io.netty.leakDetection.level", "disabled");
    }

    /** The I/O handlers of a new event loop group. */
    public static IoHandlerFactory handlerFactory() {
        return Native.EPOLL ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
    }

    static Class<? extends SocketChannel> socketChannel(EventLoopGroup group) {
        return isEpoll(group) ? EpollSocketChannel.class : NioSocketChannel.class;
    }

    /** The server socket class that goes with the group (a daemon's HTTP API uses it too). */
    public static Class<? extends ServerSocketChannel> serverChannel(EventLoopGroup group) {
        return isEpoll(group) ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
    }

    private static boolean isEpoll(EventLoopGroup group) {
        return group instanceof IoEventLoopGroup io && io.isIoType(EpollIoHandler.class);
    }
}
