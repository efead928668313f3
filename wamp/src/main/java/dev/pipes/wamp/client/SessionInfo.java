package dev.pipes.wamp.client;

import java.util.Map;

/** The joined session as WELCOME described it. */
public record SessionInfo(long id, String realm, Map<String, Object> details) {
    public String authid() { return (String) details.get("authid"); }
    public String authrole() { return (String) details.get("authrole"); }

    /** True when the router announced {@code feature} for {@code role} (broker or dealer). */
    public boolean routerSupports(String role, String feature) {
        return details.get("roles") instanceof Map<?, ?> roles && roles.get(role) instanceof Map<?, ?> r
                && r.get("features") instanceof Map<?, ?> f && Boolean.TRUE.equals(f.get(feature));
    }
}
