package dev.pipes.wamp.router;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One realm: who may join (anonymous clients, or only the principals listed) and what each role may
 * do. A realm without roles lets every session do everything, which suits a private cluster.
 */
public record RealmConfig(String name, boolean anonymousAllowed, String anonymousRole,
                          Map<String, Principal> principals, Map<String, Role> roles) {

    public RealmConfig {
        principals = Map.copyOf(principals);
        roles = Map.copyOf(roles);
    }

    /** A realm anyone can join as role {@code anonymous}, with no restriction. */
    public static RealmConfig open(String name) {
        return new RealmConfig(name, true, "anonymous", Map.of(), Map.of());
    }

    public RealmConfig withPrincipal(Principal p) {
        Map<String, Principal> m = new LinkedHashMap<>(principals);
        m.put(p.authid(), p);
        return new RealmConfig(name, anonymousAllowed, anonymousRole, m, roles);
    }

    public RealmConfig withRole(Role r) {
        Map<String, Role> m = new LinkedHashMap<>(roles);
        m.put(r.name(), r);
        return new RealmConfig(name, anonymousAllowed, anonymousRole, principals, m);
    }

    /** Only authenticated principals may join. */
    public RealmConfig requireAuthentication() {
        return new RealmConfig(name, false, anonymousRole, principals, roles);
    }

    public boolean allows(String role, Action action, String uri) {
        if (roles.isEmpty()) return true;
        Role r = roles.get(role);
        return r != null && r.allows(action, uri);
    }
}
