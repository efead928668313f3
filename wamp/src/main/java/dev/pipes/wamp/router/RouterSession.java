package dev.pipes.wamp.router;

import dev.pipes.wamp.message.MessageType;
import dev.pipes.wamp.message.ProtocolViolation;
import dev.pipes.wamp.message.WampMessage;
import dev.pipes.wamp.message.WampMessage.*;
import dev.pipes.wamp.message.WampUris;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The router's side of one client connection: the session state machine (HELLO, optional
 * CHALLENGE/AUTHENTICATE, WELCOME, then requests until GOODBYE) and the dispatch of requests to the
 * realm's broker and dealer. A message that is not allowed in the current state, or that does not
 * decode, is a protocol violation: the client gets ABORT with the reason and the transport closes.
 * Every method runs on the router's event loop.
 */
public final class RouterSession {
    private static final Logger LOG = LoggerFactory.getLogger(RouterSession.class);

    enum State { AWAITING_HELLO, AUTHENTICATING, ESTABLISHED, CLOSED }

    private final Router router;
    private final Peer peer;
    private final long id;
    private State state = State.AWAITING_HELLO;
    private Realm realm;
    private Authenticator.Identity identity;
    private Authenticator.Challenge challenge;
    private Map<String, Object> clientRoles = Map.of();

    // bookkeeping of the broker, the dealer and flow control
    final Set<Broker.Subscription> subscriptions = new LinkedHashSet<>();
    final Set<Dealer.Registration> registrations = new LinkedHashSet<>();
    final Map<Long, Dealer.PendingCall> callsAsCaller = new HashMap<>();
    final Map<Long, Dealer.PendingCall> invocationsAsCallee = new HashMap<>();
    final Set<RouterSession> pausedFeeders = new HashSet<>();
    final Set<RouterSession> holdingBack = new HashSet<>();

    RouterSession(Router router, Peer peer, long id) {
        this.router = router;
        this.peer = peer;
        this.id = id;
    }

    public long id() { return id; }
    public Peer peer() { return peer; }
    public String authid() { return identity == null ? null : identity.authid(); }
    public String authrole() { return identity == null ? null : identity.authrole(); }
    public String authmethod() { return identity == null ? null : identity.authmethod(); }
    public boolean isEstablished() { return state == State.ESTABLISHED; }

    /** True when the client announced {@code feature} for {@code role} in its HELLO. */
    boolean supports(String role, String feature) {
        return clientRoles.get(role) instanceof Map<?, ?> r && r.get("features") instanceof Map<?, ?> f
                && Boolean.TRUE.equals(f.get(feature));
    }

    void send(WampMessage m) {
        if (LOG.isTraceEnabled()) LOG.trace("session {} -> {}", id, m);
        if (state != State.CLOSED) peer.send(m);
    }

    void sendError(MessageType requestType, long request, String error, String message) {
        send(new WampError(requestType, request, Map.of(), error, List.of(message), Map.of()));
    }

    /** A decoded message from the client. */
    public void onMessage(WampMessage m) {
        if (LOG.isTraceEnabled()) LOG.trace("session {} <- {}", id, m);
        if (state == State.CLOSED) return;
        try {
            switch (state) {
                case AWAITING_HELLO -> awaitingHello(m);
                case AUTHENTICATING -> authenticating(m);
                case ESTABLISHED -> {
                    router.counters().counted(m);
                    established(m);
                    realm.flow().routed(this, this); // answers to its own requests count too
                }
                default -> { }
            }
        } catch (ProtocolViolation e) {
            onProtocolViolation(e);
        } catch (RuntimeException e) {
            // a bug of ours must cost this session only, never the router
            LOG.error("session {} ({}): internal error on {}; closing the session", id, peer.describe(), m.type(), e);
            abort(WampUris.RUNTIME_ERROR, "internal router error on " + m.type() + ": " + e);
        }
    }

    /** A frame that did not decode, or a message not allowed now: ABORT and close. */
    public void onProtocolViolation(ProtocolViolation e) {
        if (state == State.CLOSED) return;
        LOG.debug("session {} ({}): protocol violation: {}", id, peer.describe(), e.getMessage());
        abort(WampUris.PROTOCOL_VIOLATION, e.getMessage());
    }

    /** The transport is gone (closed by either side or broken). */
    public void onTransportClosed() {
        leave();
        state = State.CLOSED;
    }

    public void onWritabilityChanged(boolean writable) {
        if (realm != null) realm.flow().writabilityChanged(this, writable);
    }

    private void awaitingHello(WampMessage m) {
        if (!(m instanceof Hello hello)) {
            throw new ProtocolViolation("expected HELLO as the first message, got " + m.type());
        }
        RealmConfig config = router.realmConfig(hello.realm());
        if (config == null) {
            abort(WampUris.NO_SUCH_REALM, "no realm " + hello.realm() + " on this router");
            return;
        }
        if (!(hello.details().get("roles") instanceof Map<?, ?> roles) || roles.isEmpty()) {
            throw new ProtocolViolation("HELLO.Details.roles must be a non-empty dict of the client's roles");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> r = (Map<String, Object>) roles;
        clientRoles = r;
        realm = router.realm(config);
        proceed(router.authenticator().hello(config, hello.details(), id));
    }

    private void authenticating(WampMessage m) {
        if (m instanceof Abort) {
            close();
            return;
        }
        if (!(m instanceof Authenticate auth)) {
            throw new ProtocolViolation("expected AUTHENTICATE after CHALLENGE, got " + m.type());
        }
        proceed(router.authenticator().authenticate(challenge, auth));
    }

    private void proceed(Authenticator.Outcome outcome) {
        switch (outcome) {
            case Authenticator.Reject reject -> abort(reject.reason(), reject.message());
            case Authenticator.Challenge c -> {
                challenge = c;
                state = State.AUTHENTICATING;
                send(c.message());
            }
            case Authenticator.Accept accept -> welcome(accept.identity());
        }
    }

    private void welcome(Authenticator.Identity who) {
        identity = who;
        challenge = null;
        state = State.ESTABLISHED;
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("realm", realm.config().name());
        details.put("authid", who.authid());
        details.put("authrole", who.authrole());
        details.put("authmethod", who.authmethod());
        details.put("authprovider", who.authprovider());
        details.put("agent", Router.AGENT);
        details.put("roles", Map.of("broker", Map.of("features", Broker.FEATURES),
                "dealer", Map.of("features", Dealer.FEATURES)));
        send(new Welcome(id, details));
        realm.join(this);
    }

    private void established(WampMessage m) {
        switch (m) {
            case Publish p -> realm.broker().publish(this, p);
            case Subscribe s -> realm.broker().subscribe(this, s);
            case Unsubscribe u -> realm.broker().unsubscribe(this, u);
            case Call c -> realm.dealer().call(this, c);
            case Cancel c -> realm.dealer().cancel(this, c);
            case Register r -> realm.dealer().register(this, r);
            case Unregister u -> realm.dealer().unregister(this, u);
            case Yield y -> realm.dealer().yield(this, y);
            case WampError e when e.requestType() == MessageType.INVOCATION -> realm.dealer().invocationError(this, e);
            case Goodbye g -> {
                send(new Goodbye(Map.of(), WampUris.CLOSE_GOODBYE_AND_OUT));
                close();
            }
            case Abort a -> close();
            default -> throw new ProtocolViolation(m.type() + " is not a message a client may send"
                    + (m.type() == MessageType.ERROR ? " for " + ((WampError) m).requestType() : "")
                    + " in an established session");
        }
    }

    /** Router-initiated close of an established session (router shutdown). */
    void shutdown(String reason) {
        if (state == State.ESTABLISHED) {
            send(new Goodbye(Map.of("message", "the router is shutting down"), reason));
        }
        close();
    }

    private void abort(String reason, String message) {
        send(new Abort(Map.of("message", message), reason));
        close();
    }

    private void close() {
        leave();
        state = State.CLOSED;
        peer.close();
    }

    private void leave() {
        if (realm != null && state == State.ESTABLISHED) {
            state = State.CLOSED;
            realm.leave(this);
        }
        router.detach(this);
    }
}
