package dev.pipes.wamp.router;

import dev.pipes.wamp.message.WampMessage.Hello;
import dev.pipes.wamp.message.WampMessage.Welcome;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Joins test peers to a router as clients with every advanced feature announced (or none). */
final class RouterHarness {
    static final Map<String, Object> ALL_FEATURES = Map.of("features", Map.of(
            "progressive_call_results", true, "progressive_call_invocations", true, "call_canceling", true,
            "caller_identification", true, "publisher_identification", true));
    static final Map<String, Object> ROLES = Map.of("caller", ALL_FEATURES, "callee", ALL_FEATURES,
            "publisher", ALL_FEATURES, "subscriber", ALL_FEATURES);
    static final Map<String, Object> BASIC_ROLES = Map.of("caller", Map.of(), "callee", Map.of(),
            "publisher", Map.of(), "subscriber", Map.of());

    static Router router() {
        return new Router(List.of(RealmConfig.open("realm1")));
    }

    static TestPeer join(Router router) {
        return join(router, ROLES);
    }

    static TestPeer join(Router router, Map<String, Object> roles) {
        TestPeer p = new TestPeer(router);
        p.deliver(new Hello("realm1", Map.of("roles", roles)));
        p.expect(Welcome.class);
        return p;
    }

    static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], kv[i + 1]);
        return m;
    }
}
