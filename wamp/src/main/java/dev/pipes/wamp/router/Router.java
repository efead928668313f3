package dev.pipes.wamp.router;

import dev.pipes.wamp.message.WampUris;
import dev.pipes.wamp.transport.netty.IoTransport;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.util.concurrent.DefaultThreadFactory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * A WAMP router: realms with their broker and dealer. All routing runs on one event loop, so the
 * routing state needs no locks and a message is never reordered; transports hand their decoded
 * messages to {@link RouterSession#onMessage} on that loop (the WebSocket server runs its channels on
 * the same loop, so there is no hand-off at all).
 */
public final class Router implements AutoCloseable {
    static final String AGENT = "pipes-wamp-router";

    private final EventLoopGroup group;
    private final EventLoop loop;
    private final Map<String, RealmConfig> configs = new ConcurrentHashMap<>();
    private final boolean autoCreateRealms;
    private final Map<String, Realm> realms = new HashMap<>();
    private final Map<Long, RouterSession> sessions = new HashMap<>();
    private final Authenticator authenticator = new Authenticator();
    private final FlowControl flow = new FlowControl();
    private final RouterCounters counters = new RouterCounters();

    /** A router serving the given realms; unknown realms are refused with wamp.error.no_such_realm. */
    public Router(List<RealmConfig> realms) {
        this(realms, false);
    }

    /** With {@code autoCreateRealms}, HELLO for an unknown realm creates it as an open realm. */
    public Router(List<RealmConfig> realms, boolean autoCreateRealms) {
        this.group = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("wamp-router"),
                IoTransport.handlerFactory());
        this.loop = group.next();
        this.autoCreateRealms = autoCreateRealms;
        for (RealmConfig r : realms) {
            configs.put(r.name(), r);
        }
    }

    /** The single loop all routing runs on; also the I/O loop of the router's WebSocket channels. */
    public EventLoop loop() {
        return loop;
    }

    public EventLoopGroup group() {
        return group;
    }

    /** Starts a session for a new transport. Call on {@link #loop()}. */
    public RouterSession attach(Peer peer) {
        long id;
        do {
            id = Ids.random();
        } while (sessions.containsKey(id));
        RouterSession s = new RouterSession(this, peer, id);
        sessions.put(id, s);
        return s;
    }

    void detach(RouterSession s) {
        sessions.remove(s.id());
    }

    RealmConfig realmConfig(String name) {
        RealmConfig c = configs.get(name);
        if (c == null && autoCreateRealms) {
            c = configs.computeIfAbsent(name, RealmConfig::open);
        }
        return c;
    }

    Realm realm(RealmConfig config) {
        return realms.computeIfAbsent(config.name(), n -> new Realm(config, loop, flow));
    }

    Authenticator authenticator() {
        return authenticator;
    }

    /** What this router has carried so far (calls, yields, publications, bytes of binary payload). */
    public RouterCounters counters() {
        return counters;
    }

    /** Number of sessions attached (any state), for tests and monitoring. */
    public CompletableFuture<Integer> sessionCount() {
        CompletableFuture<Integer> f = new CompletableFuture<>();
        loop.execute(() -> f.complete(sessions.size()));
        return f;
    }

    /** Says GOODBYE (wamp.close.system_shutdown) to every session, then stops the loop. */
    @Override
    public void close() {
        if (group.isShuttingDown()) return;
        CompletableFuture<Void> done = new CompletableFuture<>();
        loop.execute(() -> {
            for (RouterSession s : new ArrayList<>(sessions.values())) {
                s.shutdown(WampUris.CLOSE_SYSTEM_SHUTDOWN);
            }
            done.complete(null);
        });
        done.orTimeout(5, TimeUnit.SECONDS).exceptionally(e -> null).join();
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
