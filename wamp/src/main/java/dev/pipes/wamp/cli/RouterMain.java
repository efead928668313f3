package dev.pipes.wamp.cli;

import dev.pipes.wamp.router.RealmConfig;
import dev.pipes.wamp.router.Router;
import dev.pipes.wamp.transport.netty.IoTransport;
import dev.pipes.wamp.transport.netty.WebSocketServer;
import dev.pipes.wamp.transport.netty.WebSocketSettings;
import io.netty.handler.ssl.SslContextBuilder;

import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;

/**
 * {@code pipes-router}: a standalone WAMP router, e.g. a container's entry point. Runs in the
 * foreground; SIGTERM or SIGINT says GOODBYE (wamp.close.system_shutdown) to every session, then
 * the JVM exits. Exit status 2: bad command line; 1: cannot listen.
 */
public final class RouterMain {
    private RouterMain() {
    }

    public static void main(String[] args) throws Exception {
        IoTransport.useProductionSettings();
        RouterOptions o;
        try {
            o = RouterOptions.parse(args, System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println("pipes-router: " + e.getMessage());
            System.exit(2);
            return;
        }
        if (o.help()) {
            System.out.print(RouterOptions.USAGE);
            return;
        }
        WebSocketSettings settings = WebSocketSettings.defaults().withMaxMessageSize(o.maxMessageSize())
                .withIdlePing(java.time.Duration.ofSeconds(o.idlePingSeconds()));
        if (o.tlsCert() != null) {
            settings = settings.withSsl(SslContextBuilder.forServer(o.tlsCert().toFile(), o.tlsKey().toFile()).build());
        }
        Router router = new Router(o.realms());
        WebSocketServer server;
        try {
            server = WebSocketServer.start(router, o.host(), o.port(), settings);
        } catch (Exception e) {
            router.close();
            System.err.println("pipes-router: cannot listen on " + o.host() + ":" + o.port() + ": " + e.getMessage());
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            router.close();
            stopped.countDown();
        }, "pipes-router-shutdown"));
        String realms = o.realms().stream().map(RealmConfig::name).collect(Collectors.joining(", "));
        System.out.printf("pipes-router: listening on %s://%s:%d/ (realms: %s; subprotocols wamp.2.msgpack, wamp.2.json)%n",
                o.tlsCert() == null ? "ws" : "wss", o.host(), server.port(), realms);
        System.out.flush();
        stopped.await();
    }
}
