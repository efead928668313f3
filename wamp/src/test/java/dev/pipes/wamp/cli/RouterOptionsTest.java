package dev.pipes.wamp.cli;

import dev.pipes.wamp.router.RealmConfig;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class RouterOptionsTest {

    static String error(String... args) {
        return assertThrows(IllegalArgumentException.class, () -> RouterOptions.parse(args, Map.of())).getMessage();
    }

    @Test
    void defaultsAndEnvironment() {
        RouterOptions o = RouterOptions.parse(new String[0], Map.of());
        assertEquals(8080, o.port());
        assertEquals(List.of("realm1"), o.realms().stream().map(RealmConfig::name).toList());
        assertEquals(16 << 20, o.maxMessageSize());
        assertEquals(0, o.idlePingSeconds());
        assertEquals(45, RouterOptions.parse(new String[]{"--idle-ping", "45"}, Map.of()).idlePingSeconds());
        RouterOptions env = RouterOptions.parse(new String[0], Map.of("PIPES_ROUTER_PORT", "9000", "PIPES_ROUTER_REALM", "pipes"));
        assertEquals(9000, env.port());
        assertEquals("pipes", env.realms().get(0).name());
    }

    @Test
    void realmsAndPrincipals() {
        RouterOptions o = RouterOptions.parse(new String[]{"--port", "0", "--realm", "a", "--realm", "b",
                "--ticket", "b:alice:secret:admin", "--wampcra", "c:bob:pw:user"}, Map.of());
        assertEquals(List.of("a", "b", "c"), o.realms().stream().map(RealmConfig::name).toList());
        assertTrue(o.realms().get(0).anonymousAllowed());
        RealmConfig b = o.realms().get(1);
        assertFalse(b.anonymousAllowed());
        assertEquals("ticket", b.principals().get("alice").method());
        assertTrue(b.allows("admin", dev.pipes.wamp.router.Action.CALL, "any.thing"));
        assertEquals("wampcra", o.realms().get(2).principals().get("bob").method());
    }

    @Test
    void errorsNameTheOption() {
        assertEquals("--port wants a number, got x", error("--port", "x"));
        assertEquals("--port must be in 0..65535, got 70000", error("--port", "70000"));
        assertEquals("--realm needs a value", error("--realm"));
        assertEquals("unknown option --colour (see --help)", error("--colour", "red"));
        assertEquals("unexpected argument realm1 (see --help)", error("realm1"));
        assertEquals("--ticket wants REALM:AUTHID:SECRET:ROLE, got r:alice", error("--ticket", "r:alice"));
        assertEquals("--tls-cert and --tls-key go together", error("--tls-cert", "c.pem"));
        assertTrue(RouterOptions.parse(new String[]{"--help"}, Map.of()).help());
    }
}
