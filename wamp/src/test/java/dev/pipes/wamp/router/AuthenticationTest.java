package dev.pipes.wamp.router;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pipes.wamp.message.WampMessage.*;
import dev.pipes.wamp.message.WampUris;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import static dev.pipes.wamp.router.RouterHarness.*;
import static org.junit.jupiter.api.Assertions.*;

class AuthenticationTest {
    final Role reader = new Role("reader", List.of(new Role.Permission("com.public.", EnumSet.of(Action.CALL, Action.SUBSCRIBE))));
    final RealmConfig secure = new RealmConfig("secure", false, "anonymous", Map.of(), Map.of())
            .withPrincipal(Principal.ticket("alice", "s3cret", "admin"))
            .withPrincipal(Principal.wampcra("bob", "bobsecret", "reader"))
            .withPrincipal(Principal.wampcraSalted("carol", "carolsecret", "admin", "salt123", 100, 32))
            .withRole(Role.unrestricted("admin"))
            .withRole(reader);
    final Router router = new Router(List.of(secure));

    @AfterEach
    void close() {
        router.close();
    }

    private TestPeer hello(String authid, String method) {
        TestPeer p = new TestPeer(router);
        p.deliver(new Hello("secure", map("roles", ROLES, "authid", authid, "authmethods", List.of(method))));
        return p;
    }

    @Test
    void ticketAuthentication() {
        TestPeer p = hello("alice", "ticket");
        assertEquals("ticket", p.expect(Challenge.class).authMethod());
        p.deliver(new Authenticate("s3cret", Map.of()));
        Welcome w = p.expect(Welcome.class);
        assertEquals(List.of("alice", "admin", "ticket"),
                List.of(w.details().get("authid"), w.details().get("authrole"), w.details().get("authmethod")));

        TestPeer wrong = hello("alice", "ticket");
        wrong.expect(Challenge.class);
        wrong.deliver(new Authenticate("guess", Map.of()));
        Abort a = wrong.expect(Abort.class);
        assertEquals(WampUris.AUTHENTICATION_FAILED, a.reason());
        assertEquals("ticket authentication failed for authid alice", a.details().get("message"));
        assertTrue(wrong.closed);
    }

    @Test
    void wampCraAuthentication() throws Exception {
        TestPeer p = hello("bob", "wampcra");
        Challenge c = p.expect(Challenge.class);
        String challenge = (String) c.extra().get("challenge");
        Map<?, ?> fields = new ObjectMapper().readValue(challenge, Map.class);
        assertEquals("bob", fields.get("authid"));
        assertEquals(p.session.id(), ((Number) fields.get("session")).longValue());
        p.deliver(new Authenticate(Authenticator.sign("bobsecret", challenge), Map.of()));
        assertEquals("reader", p.expect(Welcome.class).details().get("authrole"));

        TestPeer wrong = hello("bob", "wampcra");
        String other = (String) wrong.expect(Challenge.class).extra().get("challenge");
        wrong.deliver(new Authenticate(Authenticator.sign("not-the-secret", other), Map.of()));
        assertEquals(WampUris.AUTHENTICATION_FAILED, wrong.expect(Abort.class).reason());
    }

    @Test
    void saltedWampCraUsesTheDerivedKey() {
        TestPeer p = hello("carol", "wampcra");
        Challenge c = p.expect(Challenge.class);
        assertEquals(List.of("salt123", 100L, 32L),
                List.of(c.extra().get("salt"), c.extra().get("iterations"), c.extra().get("keylen")));
        String key = Authenticator.deriveKey("carolsecret", "salt123", 100, 32);
        p.deliver(new Authenticate(Authenticator.sign(key, (String) c.extra().get("challenge")), Map.of()));
        assertEquals("carol", p.expect(Welcome.class).details().get("authid"));
    }

    @Test
    void realmRequiringAuthenticationRefusesAnonymousAndUnknownPrincipals() {
        TestPeer anon = new TestPeer(router);
        anon.deliver(new Hello("secure", map("roles", ROLES)));
        Abort a = anon.expect(Abort.class);
        assertEquals(WampUris.NO_AUTH_METHOD, a.reason());
        assertEquals("realm secure requires authentication (ticket or wampcra); HELLO offered none",
                a.details().get("message"));
        TestPeer unknown = hello("mallory", "ticket");
        assertEquals(WampUris.AUTHENTICATION_FAILED, unknown.expect(Abort.class).reason());
        TestPeer early = hello("alice", "ticket");
        early.expect(Challenge.class);
        early.deliver(new Call(1, Map.of(), "p", null, null));
        assertEquals("expected AUTHENTICATE after CHALLENGE, got CALL", early.expect(Abort.class).details().get("message"));
    }

    @Test
    void rolesLimitWhatASessionMayDo() {
        TestPeer bob = hello("bob", "wampcra");
        String ch = (String) bob.expect(Challenge.class).extra().get("challenge");
        bob.deliver(new Authenticate(Authenticator.sign("bobsecret", ch), Map.of()));
        bob.expect(Welcome.class);
        bob.deliver(new Register(1, Map.of(), "com.public.proc"));
        WampError e = bob.expect(WampError.class);
        assertEquals(WampUris.NOT_AUTHORIZED, e.error());
        assertEquals(List.of("role reader may not register com.public.proc"), e.args());
        bob.deliver(new Subscribe(2, Map.of(), "com.public.news"));
        bob.expect(Subscribed.class);
        bob.deliver(new Subscribe(3, Map.of(), "com.private.news"));
        assertEquals(WampUris.NOT_AUTHORIZED, bob.expect(WampError.class).error());
        bob.deliver(new Publish(4, Map.of("acknowledge", true), "com.public.news", List.of(), null));
        assertEquals(WampUris.NOT_AUTHORIZED, bob.expect(WampError.class).error());
    }
}
