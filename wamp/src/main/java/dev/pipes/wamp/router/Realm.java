package dev.pipes.wamp.router;

import io.netty.channel.EventLoop;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/** One realm of a router: its sessions, broker, dealer and meta API. Used on the router's loop only. */
final class Realm {
    private final RealmConfig config;
    private final EventLoop loop;
    private final FlowControl flow;
    private final Map<Long, RouterSession> sessions = new LinkedHashMap<>();
    private final Broker broker = new Broker(this);
    private final Dealer dealer = new Dealer(this);
    private final SessionMeta meta = new SessionMeta(this);

    Realm(RealmConfig config, EventLoop loop, FlowControl flow) {
        this.config = config;
        this.loop = loop;
        this.flow = flow;
    }

    RealmConfig config() { return config; }
    EventLoop loop() { return loop; }
    FlowControl flow() { return flow; }
    Broker broker() { return broker; }
    Dealer dealer() { return dealer; }
    SessionMeta meta() { return meta; }
    Collection<RouterSession> sessions() { return sessions.values(); }
    RouterSession session(long id) { return sessions.get(id); }

    boolean allows(RouterSession s, Action action, String uri) {
        return config.allows(s.authrole(), action, uri);
    }

    void join(RouterSession s) {
        sessions.put(s.id(), s);
        meta.joined(s);
    }

    void leave(RouterSession s) {
        if (sessions.remove(s.id()) == null) return;
        dealer.sessionGone(s);
        broker.sessionGone(s);
        flow.sessionGone(s);
        meta.left(s);
    }
}
