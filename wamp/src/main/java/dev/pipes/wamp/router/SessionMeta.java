package dev.pipes.wamp.router;

import dev.pipes.wamp.message.MessageType;
import dev.pipes.wamp.message.WampMessage.Call;
import dev.pipes.wamp.message.WampMessage.Result;
import dev.pipes.wamp.message.WampUris;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The session meta API: events {@code wamp.session.on_join/on_leave}, procedures count/list/get. */
final class SessionMeta {
    static final String ON_JOIN = "wamp.session.on_join";
    static final String ON_LEAVE = "wamp.session.on_leave";
    static final String COUNT = "wamp.session.count";
    static final String LIST = "wamp.session.list";
    static final String GET = "wamp.session.get";
    private static final Set<String> PROCEDURES = Set.of(COUNT, LIST, GET);

    private final Realm realm;

    SessionMeta(Realm realm) {
        this.realm = realm;
    }

    static Map<String, Object> details(RouterSession s) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("session", s.id());
        d.put("authid", s.authid());
        d.put("authrole", s.authrole());
        d.put("authmethod", s.authmethod());
        d.put("authprovider", "static");
        d.put("transport", Map.of("type", s.peer().describe()));
        return d;
    }

    void joined(RouterSession s) {
        realm.broker().publishInternal(ON_JOIN, List.of(details(s)));
    }

    void left(RouterSession s) {
        realm.broker().publishInternal(ON_LEAVE, List.of(s.id(), s.authid(), s.authrole()));
    }

    boolean handles(String procedure) {
        return PROCEDURES.contains(procedure);
    }

    void call(RouterSession caller, Call m) {
        List<?> roles = !m.args().isEmpty() && m.args().get(0) instanceof List<?> l ? l : null;
        switch (m.procedure()) {
            case COUNT -> caller.send(new Result(m.request(), Map.of(), List.of((long) select(roles).size()), Map.of()));
            case LIST -> caller.send(new Result(m.request(), Map.of(), List.of(select(roles)), Map.of()));
            case GET -> {
                RouterSession s = !m.args().isEmpty() && m.args().get(0) instanceof Long id ? realm.session(id) : null;
                if (s == null) {
                    caller.sendError(MessageType.CALL, m.request(), WampUris.NO_SUCH_SESSION,
                            "no session " + (m.args().isEmpty() ? "(missing argument)" : m.args().get(0)));
                } else {
                    caller.send(new Result(m.request(), Map.of(), List.of(details(s)), Map.of()));
                }
            }
            default -> throw new IllegalStateException(m.procedure());
        }
    }

    /** Session ids, optionally only those whose authrole is listed. */
    private List<Object> select(List<?> roles) {
        List<Object> ids = new ArrayList<>();
        for (RouterSession s : realm.sessions()) {
            if (roles == null || roles.contains(s.authrole())) ids.add(s.id());
        }
        return ids;
    }
}
