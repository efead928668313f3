package dev.pipes.wamp.router;

import dev.pipes.wamp.message.MessageType;
import dev.pipes.wamp.message.WampMessage.*;
import dev.pipes.wamp.message.WampUris;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Publish and subscribe within one realm: subscriptions (exact, prefix, wildcard) and event delivery. */
final class Broker {
    static final Map<String, Object> FEATURES = Map.of(
            "publisher_identification", true, "publisher_exclusion", true, "subscriber_blackwhite_listing", true,
            "pattern_based_subscription", true, "session_meta_api", true);

    /** One topic pattern with the sessions subscribed to it; the id is shared by all of them. */
    static final class Subscription {
        final long id;
        final String topic;
        final MatchPolicy match;
        final Set<RouterSession> subscribers = new LinkedHashSet<>();

        Subscription(long id, String topic, MatchPolicy match) {
            this.id = id;
            this.topic = topic;
            this.match = match;
        }
    }

    private final Realm realm;
    private final Map<String, Subscription> exact = new HashMap<>();
    private final Map<String, Subscription> patterns = new LinkedHashMap<>(); // key: match + " " + topic
    private final Map<Long, Subscription> byId = new HashMap<>();
    private long nextId = 1;

    Broker(Realm realm) {
        this.realm = realm;
    }

    void subscribe(RouterSession s, Subscribe m) {
        MatchPolicy match;
        try {
            match = MatchPolicy.fromOption(m.options().get("match"));
        } catch (RuntimeException e) {
            s.sendError(MessageType.SUBSCRIBE, m.request(), WampUris.INVALID_ARGUMENT, e.getMessage());
            return;
        }
        if (!match.isValid(m.topic())) {
            s.sendError(MessageType.SUBSCRIBE, m.request(), WampUris.INVALID_URI, "invalid topic " + m.topic());
            return;
        }
        if (!realm.allows(s, Action.SUBSCRIBE, m.topic())) {
            s.sendError(MessageType.SUBSCRIBE, m.request(), WampUris.NOT_AUTHORIZED,
                    "role " + s.authrole() + " may not subscribe to " + m.topic());
            return;
        }
        Map<String, Subscription> table = match == MatchPolicy.EXACT ? exact : patterns;
        String key = match == MatchPolicy.EXACT ? m.topic() : match + " " + m.topic();
        Subscription sub = table.computeIfAbsent(key, k -> {
            Subscription created = new Subscription(nextId++, m.topic(), match);
            byId.put(created.id, created);
            return created;
        });
        sub.subscribers.add(s);
        s.subscriptions.add(sub);
        s.send(new Subscribed(m.request(), sub.id));
    }

    void unsubscribe(RouterSession s, Unsubscribe m) {
        Subscription sub = byId.get(m.subscription());
        if (sub == null || !sub.subscribers.contains(s)) {
            s.sendError(MessageType.UNSUBSCRIBE, m.request(), WampUris.NO_SUCH_SUBSCRIPTION,
                    "no subscription " + m.subscription() + " in this session");
            return;
        }
        remove(s, sub);
        s.subscriptions.remove(sub);
        s.send(new Unsubscribed(m.request()));
    }

    void publish(RouterSession s, Publish m) {
        if (!MatchPolicy.EXACT.isValid(m.topic())) {
            s.sendError(MessageType.PUBLISH, m.request(), WampUris.INVALID_URI, "invalid topic " + m.topic());
            return;
        }
        if (!realm.allows(s, Action.PUBLISH, m.topic())) {
            if (Boolean.TRUE.equals(m.options().get("acknowledge"))) {
                s.sendError(MessageType.PUBLISH, m.request(), WampUris.NOT_AUTHORIZED,
                        "role " + s.authrole() + " may not publish to " + m.topic());
            }
            return;
        }
        long publication = Ids.random();
        deliver(s, m.topic(), m.options(), publication, m.args(), m.kwargs());
        if (Boolean.TRUE.equals(m.options().get("acknowledge"))) {
            s.send(new Published(m.request(), publication));
        }
    }

    /** Publishes an event on behalf of the router itself (session meta events). */
    void publishInternal(String topic, List<Object> args) {
        deliver(null, topic, Map.of(), Ids.random(), args, Map.of());
    }

    private void deliver(RouterSession publisher, String topic, Map<String, Object> options, long publication,
                         List<Object> args, Map<String, Object> kwargs) {
        Filter filter = new Filter(publisher, options);
        boolean disclose = publisher != null && Boolean.TRUE.equals(options.get("disclose_me"));
        Subscription direct = exact.get(topic);
        if (direct != null) {
            send(publisher, direct, filter, disclose, topic, publication, args, kwargs);
        }
        for (Subscription sub : patterns.values()) {
            if (sub.match.matches(sub.topic, topic)) {
                send(publisher, sub, filter, disclose, topic, publication, args, kwargs);
            }
        }
    }

    private void send(RouterSession publisher, Subscription sub, Filter filter, boolean disclose, String topic,
                      long publication, List<Object> args, Map<String, Object> kwargs) {
        Map<String, Object> details = Map.of();
        if (disclose || sub.match != MatchPolicy.EXACT) {
            details = new LinkedHashMap<>();
            if (sub.match != MatchPolicy.EXACT) details.put("topic", topic);
            if (disclose) {
                details.put("publisher", publisher.id());
                details.put("publisher_authid", publisher.authid());
                details.put("publisher_authrole", publisher.authrole());
            }
        }
        Event event = new Event(sub.id, publication, details, args, kwargs);
        for (RouterSession receiver : sub.subscribers) {
            if (filter.admits(receiver)) {
                receiver.send(event);
                realm.flow().routed(publisher, receiver);
            }
        }
    }

    /** Publisher exclusion and subscriber black- and white-listing. */
    private record Filter(RouterSession publisher, boolean excludeMe, List<?> exclude, List<?> eligible,
                          List<?> excludeAuthid, List<?> eligibleAuthid, List<?> excludeAuthrole,
                          List<?> eligibleAuthrole) {
        Filter(RouterSession publisher, Map<String, Object> o) {
            this(publisher, !Boolean.FALSE.equals(o.get("exclude_me")), list(o, "exclude"), list(o, "eligible"),
                    list(o, "exclude_authid"), list(o, "eligible_authid"), list(o, "exclude_authrole"),
                    list(o, "eligible_authrole"));
        }

        private static List<?> list(Map<String, Object> o, String key) {
            return o.get(key) instanceof List<?> l ? l : null;
        }

        boolean admits(RouterSession r) {
            if (excludeMe && r == publisher) return false;
            Long id = r.id();
            if (exclude != null && exclude.contains(id)) return false;
            if (eligible != null && !eligible.contains(id)) return false;
            if (excludeAuthid != null && excludeAuthid.contains(r.authid())) return false;
            if (eligibleAuthid != null && !eligibleAuthid.contains(r.authid())) return false;
            if (excludeAuthrole != null && excludeAuthrole.contains(r.authrole())) return false;
            return eligibleAuthrole == null || eligibleAuthrole.contains(r.authrole());
        }
    }

    void sessionGone(RouterSession s) {
        for (Subscription sub : new ArrayList<>(s.subscriptions)) {
            remove(s, sub);
        }
        s.subscriptions.clear();
    }

    private void remove(RouterSession s, Subscription sub) {
        sub.subscribers.remove(s);
        if (sub.subscribers.isEmpty()) {
            byId.remove(sub.id);
            if (sub.match == MatchPolicy.EXACT) {
                exact.remove(sub.topic);
            } else {
                patterns.remove(sub.match + " " + sub.topic);
            }
        }
    }
}
