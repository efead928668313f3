package dev.pipes.wamp.client;

import dev.pipes.wamp.message.MessageType;
import dev.pipes.wamp.message.Payloads;
import dev.pipes.wamp.message.WampMessage;
import dev.pipes.wamp.message.WampMessage.*;
import dev.pipes.wamp.message.WampUris;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * The client side of one WAMP session over one connection: joining (with authentication), the
 * request/response bookkeeping, event dispatch and invocations. Confined to the connection's
 * executor; {@link WampClient} hops there before calling in.
 */
final class ClientSession implements Connection.Listener {
    private static final Logger LOG = LoggerFactory.getLogger(ClientSession.class);
    static final String CONNECTION_LOST = "pipes.error.connection_lost";

    static final Map<String, Object> FEATURES = Map.of("features", Map.of(
            "progressive_call_results", true, "progressive_call_invocations", true, "call_canceling", true,
            "call_timeout", true, "caller_identification", true, "shared_registration", true,
            "pattern_based_registration", true, "publisher_identification", true, "publisher_exclusion", true,
            "pattern_based_subscription", true));
    static final Map<String, Object> ROLES = Map.of("caller", FEATURES, "callee", FEATURES,
            "publisher", FEATURES, "subscriber", FEATURES);

    /** What the session tells its owner. */
    interface Owner {
        void joined(ClientSession session, long sessionId, Map<String, Object> details);

        void closed(ClientSession session, String reason, boolean byGoodbye);

        void writabilityChanged(boolean writable);
    }

    interface EventHandler {
        void onEvent(EventData event);
    }

    private enum State { CONNECTING, JOINING, ESTABLISHED, CLOSING, CLOSED }

    record CallState(CompletableFuture<CallResult> result, Consumer<CallResult> progress) {
    }

    private record Registered(String procedure, InvocationHandler handler) {
    }

    private record Subscribed(String topic, List<EventHandler> handlers) {
    }

    private final String realm;
    private final Credentials credentials;
    private final Owner owner;
    private Connection connection;
    private State state = State.CONNECTING;
    private long id;
    private long nextRequest = 1;
    private CompletableFuture<Void> goodbye;
    private final Map<Long, CallState> calls = new HashMap<>();
    private final Map<Long, CompletableFuture<Object>> requests = new HashMap<>();
    private final Map<Long, Registered> registrations = new HashMap<>();
    private final Map<Long, Subscribed> subscriptions = new HashMap<>();
    private final Map<Long, IncomingInvocation> invocations = new HashMap<>();

    ClientSession(String realm, Credentials credentials, Owner owner) {
        this.realm = realm;
        this.credentials = credentials;
        this.owner = owner;
    }

    long id() { return id; }
    boolean isEstablished() { return state == State.ESTABLISHED; }
    Connection connection() { return connection; }

    void start(Connection c) {
        connection = c;
        state = State.JOINING;
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("roles", ROLES);
        details.put("agent", "pipes-wamp-client");
        if (credentials.authid() != null) details.put("authid", credentials.authid());
        details.put("authmethods", List.of(credentials.method()));
        send(new Hello(realm, details));
    }

    void send(WampMessage m) {
        connection.send(m);
    }

    /** Runs on the session's I/O thread: at once when already there (no task hand-off), else queued. */
    static void onLoop(ClientSession s, Runnable r) {
        Connection c = s.connection();
        if (c.inExecutor()) {
            r.run();
        } else {
            c.executor().execute(r);
        }
    }

    private long request() {
        return nextRequest++;
    }

    private static WampException notEstablished() {
        return new WampException("pipes.error.not_connected", "the session is not established");
    }

    // ---- requests (executor only) ------------------------------------------------------------

    long call(String procedure, Options.Call options, List<Object> args, Map<String, Object> kwargs,
              boolean progressive, CompletableFuture<CallResult> result) {
        if (state != State.ESTABLISHED) {
            result.completeExceptionally(notEstablished());
            return -1;
        }
        List<Object> a;
        Map<String, Object> kw;
        try {
            a = Payloads.args(args);
            kw = Payloads.kwargs(kwargs);
        } catch (IllegalArgumentException e) {
            result.completeExceptionally(e);
            return -1;
        }
        long request = request();
        calls.put(request, new CallState(result, options.onProgress()));
        Map<String, Object> wire = options == Options.Call.DEFAULT && !progressive ? Map.of() : options.toWire();
        if (progressive) wire.put("progress", true);
        send(new Call(request, wire, procedure, a, kw));
        return request;
    }

    void sendChunk(long request, String procedure, List<Object> args, Map<String, Object> kwargs, boolean last) {
        CallState call = calls.get(request);
        if (state != State.ESTABLISHED || call == null) return;
        try {
            send(new Call(request, last ? Map.of() : Map.of("progress", true), procedure, Payloads.args(args),
                    Payloads.kwargs(kwargs)));
        } catch (IllegalArgumentException e) {
            calls.remove(request);
            call.result().completeExceptionally(e);
            send(new Cancel(request, Map.of("mode", "killnowait")));
        }
    }

    void cancel(long request, String mode) {
        if (state == State.ESTABLISHED && calls.containsKey(request)) {
            send(new Cancel(request, Map.of("mode", mode)));
        }
    }

    CompletableFuture<Object> register(String procedure, Options.Register options, InvocationHandler handler) {
        // checked here too, so that this failure is not wrapped by thenApply below
        if (state != State.ESTABLISHED) return CompletableFuture.failedFuture(notEstablished());
        return simpleRequest(r -> new Register(r, options.toWire(), procedure)).thenApply(regId -> {
            registrations.put((Long) regId, new Registered(procedure, handler));
            return regId;
        });
    }

    CompletableFuture<Object> unregister(long registration) {
        registrations.remove(registration);
        return simpleRequest(r -> new Unregister(r, registration));
    }

    CompletableFuture<Object> subscribe(String topic, Options.Subscribe options, EventHandler handler) {
        if (state != State.ESTABLISHED) return CompletableFuture.failedFuture(notEstablished());
        return simpleRequest(r -> new Subscribe(r, options.toWire(), topic)).thenApply(subId -> {
            subscriptions.computeIfAbsent((Long) subId, k -> new Subscribed(topic, new ArrayList<>())).handlers().add(handler);
            return subId;
        });
    }

    CompletableFuture<Object> unsubscribe(long subscription, EventHandler handler) {
        Subscribed s = subscriptions.get(subscription);
        if (s != null) {
            s.handlers().remove(handler);
            if (!s.handlers().isEmpty()) return CompletableFuture.completedFuture(null);
            subscriptions.remove(subscription);
        }
        return simpleRequest(r -> new Unsubscribe(r, subscription));
    }

    CompletableFuture<Object> publish(String topic, Options.Publish options, List<Object> args,
                                      Map<String, Object> kwargs) {
        if (state != State.ESTABLISHED) return CompletableFuture.failedFuture(notEstablished());
        try {
            args = Payloads.args(args);
            kwargs = Payloads.kwargs(kwargs);
        } catch (IllegalArgumentException e) {
            return CompletableFuture.failedFuture(e);
        }
        long request = request();
        if (!options.acknowledge()) {
            send(new Publish(request, options.toWire(), topic, args, kwargs));
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<Object> f = new CompletableFuture<>();
        requests.put(request, f);
        send(new Publish(request, options.toWire(), topic, args, kwargs));
        return f;
    }

    private CompletableFuture<Object> simpleRequest(java.util.function.LongFunction<WampMessage> message) {
        if (state != State.ESTABLISHED) return CompletableFuture.failedFuture(notEstablished());
        long request = request();
        CompletableFuture<Object> f = new CompletableFuture<>();
        requests.put(request, f);
        send(message.apply(request));
        return f;
    }

    CompletableFuture<Void> leave() {
        // already over (the connection was lost): nothing would complete a new goodbye
        if (state == State.CLOSED) return CompletableFuture.completedFuture(null);
        if (goodbye != null) return goodbye;
        goodbye = new CompletableFuture<>();
        if (state == State.ESTABLISHED) {
            state = State.CLOSING;
            send(new Goodbye(Map.of(), WampUris.CLOSE_NORMAL));
        } else {
            connection.close();
        }
        return goodbye;
    }

    // ---- incoming (executor only) ------------------------------------------------------------

    @Override
    public void onMessage(WampMessage m) {
        try {
            dispatch(m);
        } catch (RuntimeException e) {
            LOG.warn("session {}: closing after a bad message from the router: {}", id, e.toString());
            send(new Abort(Map.of("message", String.valueOf(e.getMessage())), WampUris.PROTOCOL_VIOLATION));
            connection.close();
        }
    }

    private void dispatch(WampMessage m) {
        switch (m) {
            case Welcome w when state == State.JOINING -> {
                state = State.ESTABLISHED;
                id = w.session();
                owner.joined(this, w.session(), w.details());
            }
            case Challenge c when state == State.JOINING -> send(new Authenticate(Signatures.sign(credentials, c), Map.of()));
            case Abort a -> {
                state = State.CLOSED;
                connection.close();
                finish(a.reason(), String.valueOf(a.details().get("message")), false);
            }
            case Goodbye g -> {
                if (state != State.CLOSING) send(new Goodbye(Map.of(), WampUris.CLOSE_GOODBYE_AND_OUT));
                boolean ours = state == State.CLOSING;
                state = State.CLOSED;
                connection.close();
                finish(g.reason(), ours ? "closed by the client" : "closed by the router", true);
            }
            case Result r -> result(r);
            case WampError e -> error(e);
            case WampMessage.Invocation inv -> invocation(inv);
            case Interrupt i -> interrupt(i);
            case Event e -> event(e);
            case WampMessage.Registered r -> complete(r.request(), r.registration());
            case WampMessage.Subscribed s -> complete(s.request(), s.subscription());
            case Unregistered u -> complete(u.request(), null);
            case Unsubscribed u -> complete(u.request(), null);
            case Published p -> complete(p.request(), p.publication());
            default -> throw new IllegalStateException("unexpected " + m.type() + " in state " + state);
        }
    }

    private void complete(long request, Object value) {
        CompletableFuture<Object> f = requests.remove(request);
        if (f != null) f.complete(value);
    }

    private void result(Result r) {
        boolean progress = Boolean.TRUE.equals(r.details().get("progress"));
        CallState call = progress ? calls.get(r.request()) : calls.remove(r.request());
        if (call == null) return;
        CallResult value = new CallResult(r.args(), r.kwargs(), r.details());
        if (!progress) {
            call.result().complete(value);
        } else if (call.progress() != null) {
            try {
                call.progress().accept(value);
            } catch (RuntimeException e) {
                LOG.warn("progress callback failed", e);
            }
        }
    }

    private void error(WampError e) {
        WampException ex = new WampException(e.error(), e.args(), e.kwargs());
        if (e.requestType() == MessageType.CALL) {
            CallState call = calls.remove(e.request());
            if (call != null) call.result().completeExceptionally(ex);
        } else {
            CompletableFuture<Object> f = requests.remove(e.request());
            if (f != null) f.completeExceptionally(ex);
        }
    }

    private void event(Event e) {
        Subscribed s = subscriptions.get(e.subscription());
        if (s == null) return;
        String topic = e.details().get("topic") instanceof String t ? t : s.topic();
        EventData data = new EventData(topic, e.publication(), e.args(), e.kwargs(), e.details());
        for (EventHandler h : List.copyOf(s.handlers())) {
            try {
                h.onEvent(data);
            } catch (RuntimeException ex) {
                LOG.warn("event handler for {} failed", topic, ex);
            }
        }
    }

    private void invocation(WampMessage.Invocation inv) {
        IncomingInvocation open = invocations.get(inv.request());
        if (open != null) {
            open.chunk(inv.args(), inv.kwargs(), !Boolean.TRUE.equals(inv.details().get("progress")));
            return;
        }
        Registered reg = registrations.get(inv.registration());
        if (reg == null) {
            send(new WampError(MessageType.INVOCATION, inv.request(), Map.of(), WampUris.NO_SUCH_REGISTRATION,
                    List.of("no registration " + inv.registration() + " in this session"), Map.of()));
            return;
        }
        IncomingInvocation call = new IncomingInvocation(this, inv, reg.procedure());
        invocations.put(inv.request(), call);
        call.run(reg.handler());
    }

    private void interrupt(Interrupt i) {
        IncomingInvocation call = invocations.get(i.request());
        if (call != null) {
            call.interrupt(String.valueOf(i.options().getOrDefault("mode", "killnowait")));
        }
    }

    /** Called by an invocation when its final answer went out. */
    void invocationDone(long request) {
        invocations.remove(request);
    }

    boolean invocationOpen(long request) {
        return invocations.containsKey(request) && state == State.ESTABLISHED;
    }

    @Override
    public void onClosed(String reason) {
        if (state == State.CLOSED) return;
        boolean clean = state == State.CLOSING;
        state = State.CLOSED;
        finish(clean ? WampUris.CLOSE_NORMAL : CONNECTION_LOST, reason, clean);
    }

    @Override
    public void onWritabilityChanged(boolean writable) {
        owner.writabilityChanged(writable);
    }

    private void finish(String reason, String message, boolean byGoodbye) {
        state = State.CLOSED;
        WampException ex = new WampException(reason, message);
        calls.values().forEach(c -> c.result().completeExceptionally(ex));
        calls.clear();
        requests.values().forEach(f -> f.completeExceptionally(ex));
        requests.clear();
        invocations.values().forEach(i -> i.interrupt("killnowait"));
        invocations.clear();
        if (goodbye != null) goodbye.complete(null);
        owner.closed(this, reason + ": " + message, byGoodbye);
    }
}
