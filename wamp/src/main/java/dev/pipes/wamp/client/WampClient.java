package dev.pipes.wamp.client;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * A WAMP client: joins a realm over a {@link Transport}, and calls, registers, publishes and
 * subscribes. With a {@link ReconnectPolicy} it reconnects after a lost connection with backoff and
 * registers and subscribes again, so its {@link Handles} keep working. Thread-safe: every method may
 * be called from any thread; handlers and callbacks run on the connection's I/O thread.
 */
public final class WampClient implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WampClient.class);
    /** Reasons that reconnecting would not cure. */
    private static final Set<String> FATAL = Set.of("wamp.error.no_such_realm", "wamp.error.authentication_failed",
            "wamp.error.no_auth_method", "wamp.error.not_authorized", "wamp.error.authorization_failed");
    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "wamp-client-reconnect");
        t.setDaemon(true);
        return t;
    });

    private final Transport transport;
    private final String realm;
    private final Credentials credentials;
    private final ReconnectPolicy reconnect;
    private final List<Consumer<SessionInfo>> joinListeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<String>> leaveListeners = new CopyOnWriteArrayList<>();
    private final List<DurableHandles.Registration> registrations = new CopyOnWriteArrayList<>();
    private final List<DurableHandles.Subscription> subscriptions = new CopyOnWriteArrayList<>();
    private final List<CompletableFuture<Void>> writableWaiters = new ArrayList<>();
    private final CompletableFuture<SessionInfo> firstJoin = new CompletableFuture<>();
    private volatile ClientSession session;
    private volatile SessionInfo info;
    private volatile boolean closing;
    private volatile boolean reading = true;
    private final java.util.concurrent.atomic.AtomicInteger pendingCalls = new java.util.concurrent.atomic.AtomicInteger();
    private int attempts;

    private WampClient(Transport transport, String realm, Credentials credentials, ReconnectPolicy reconnect) {
        this.transport = Objects.requireNonNull(transport);
        this.realm = Objects.requireNonNull(realm);
        this.credentials = credentials;
        this.reconnect = reconnect;
    }

    public static WampClient create(Transport transport, String realm) {
        return new WampClient(transport, realm, Credentials.ANONYMOUS, ReconnectPolicy.NEVER);
    }

    public static WampClient create(Transport transport, String realm, Credentials credentials,
                                    ReconnectPolicy reconnect) {
        return new WampClient(transport, realm, credentials, reconnect);
    }

    /** Called with each new session (the first and every one after a reconnect). */
    public WampClient onJoin(Consumer<SessionInfo> listener) {
        joinListeners.add(listener);
        return this;
    }

    /** Called with the reason whenever a session ends. */
    public WampClient onLeave(Consumer<String> listener) {
        leaveListeners.add(listener);
        return this;
    }

    /** Connects and joins; completes with the first session, or fails (after the policy's attempts). */
    public CompletableFuture<SessionInfo> connect() {
        attempt();
        return firstJoin;
    }

    public boolean isConnected() {
        ClientSession s = session;
        return s != null && s.isEstablished();
    }

    /** How many calls this client made that have no final answer yet (a connection in use is not idle). */
    public int pendingCalls() {
        return pendingCalls.get();
    }

    /** The current session, or null while not joined. */
    public SessionInfo session() {
        return isConnected() ? info : null;
    }

    private void attempt() {
        attempts++;
        ClientSession s = new ClientSession(realm, credentials, new Owner());
        transport.connect(s).whenComplete((conn, failure) -> {
            if (failure != null) {
                lost("cannot connect: " + failure.getMessage(), false, null);
                return;
            }
            if (!reading) conn.setReading(false);
            conn.executor().execute(() -> {
                session = s;
                s.start(conn);
            });
        });
    }

    private void lost(String reason, boolean fatal, ClientSession s) {
        if (s != null && session == s) session = null;
        leaveListeners.forEach(l -> l.accept(reason));
        if (closing || fatal || attempts >= reconnect.maxAttempts()) {
            if (!firstJoin.isDone()) firstJoin.completeExceptionally(new WampException("pipes.error.not_connected", reason));
            return;
        }
        Duration delay = reconnect.delay(attempts);
        LOG.info("{}; reconnecting in {} ms", reason, delay.toMillis());
        TIMER.schedule(this::attempt, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private final class Owner implements ClientSession.Owner {
        @Override
        public void joined(ClientSession s, long id, Map<String, Object> details) {
            if (closing) { // closed while this connection was being made
                s.leave();
                return;
            }
            attempts = 0;
            info = new SessionInfo(id, realm, details);
            for (DurableHandles.Registration r : registrations) r.replay(s);
            for (DurableHandles.Subscription h : subscriptions) h.replay(s);
            firstJoin.complete(info);
            joinListeners.forEach(l -> l.accept(info));
        }

        @Override
        public void closed(ClientSession s, String reason, boolean byGoodbye) {
            boolean fatal = FATAL.stream().anyMatch(reason::startsWith) || byGoodbye && closing;
            lost(reason, fatal, s);
            wakeWriters();
        }

        @Override
        public void writabilityChanged(boolean writable) {
            if (writable) wakeWriters();
        }
    }

    private void wakeWriters() {
        List<CompletableFuture<Void>> waiting;
        synchronized (writableWaiters) {
            waiting = new ArrayList<>(writableWaiters);
            writableWaiters.clear();
        }
        waiting.forEach(f -> f.complete(null));
    }

    private static void onLoop(ClientSession s, Runnable r) {
        ClientSession.onLoop(s, r);
    }

    // ---- the API ---------------------------------------------------------------------------------

    private ClientSession established() {
        ClientSession s = session;
        if (s == null || !s.isEstablished()) {
            throw new WampException("pipes.error.not_connected", "the client is not connected to realm " + realm);
        }
        return s;
    }

    public CompletableFuture<CallResult> call(String procedure, Object... args) {
        return call(procedure, Options.Call.DEFAULT, List.of(args), Map.of()).result();
    }

    public CallHandle call(String procedure, Options.Call options, List<Object> args, Map<String, Object> kwargs) {
        return startCall(procedure, options, args, kwargs, false);
    }

    /** Starts a progressive call invocation: this first chunk, then {@link CallHandle#sendChunk}. */
    public CallHandle callProgressive(String procedure, Options.Call options, List<Object> args,
                                      Map<String, Object> kwargs) {
        return startCall(procedure, options, args, kwargs, true);
    }

    private CallHandle startCall(String procedure, Options.Call options, List<Object> args,
                                 Map<String, Object> kwargs, boolean progressive) {
        CompletableFuture<CallResult> result = new CompletableFuture<>();
        AtomicLong request = new AtomicLong(-1);
        ClientSession s;
        try {
            s = established();
        } catch (WampException e) {
            result.completeExceptionally(e);
            return new FailedCall(result);
        }
        pendingCalls.incrementAndGet();
        result.whenComplete((r, e) -> pendingCalls.decrementAndGet());
        onLoop(s, () -> request.set(s.call(procedure, options, args, kwargs, progressive, result)));
        return new CallHandle() {
            @Override public CompletableFuture<CallResult> result() { return result; }
            @Override public void cancel(String mode) {
                onLoop(s, () -> s.cancel(request.get(), mode));
            }
            @Override public void sendChunk(List<Object> a, Map<String, Object> kw, boolean last) {
                onLoop(s, () -> s.sendChunk(request.get(), procedure, a, kw, last));
            }
        };
    }

    private record FailedCall(CompletableFuture<CallResult> result) implements CallHandle {
        @Override public void cancel(String mode) { }
        @Override public void sendChunk(List<Object> args, Map<String, Object> kwargs, boolean last) { }
    }

    public CompletableFuture<Handles.Registration> register(String procedure, Options.Register options,
                                                            InvocationHandler handler) {
        DurableHandles.Registration h = new DurableHandles.Registration(procedure, options, handler, () -> session,
                registrations::remove);
        ClientSession s;
        try {
            s = established();
        } catch (WampException e) {
            return CompletableFuture.failedFuture(e);
        }
        return h.register(s).thenApply(v -> {
            registrations.add(h);
            return h;
        });
    }

    public CompletableFuture<Handles.Registration> register(String procedure, InvocationHandler handler) {
        return register(procedure, Options.Register.DEFAULT, handler);
    }

    public CompletableFuture<Handles.Subscription> subscribe(String topic, Options.Subscribe options,
                                                             Consumer<EventData> handler) {
        DurableHandles.Subscription h = new DurableHandles.Subscription(topic, options, handler::accept,
                () -> session, subscriptions::remove);
        ClientSession s;
        try {
            s = established();
        } catch (WampException e) {
            return CompletableFuture.failedFuture(e);
        }
        return h.subscribe(s).thenApply(v -> {
            subscriptions.add(h);
            return h;
        });
    }

    public CompletableFuture<Void> publish(String topic, Options.Publish options, List<Object> args,
                                           Map<String, Object> kwargs) {
        ClientSession s;
        try {
            s = established();
        } catch (WampException e) {
            return CompletableFuture.failedFuture(e);
        }
        CompletableFuture<Void> done = new CompletableFuture<>();
        onLoop(s, () -> s.publish(topic, options, args, kwargs).whenComplete((v, e) -> {
            if (e != null) done.completeExceptionally(e);
            else done.complete(null);
        }));
        return done;
    }

    /**
     * Completes when the connection can take more messages (its outbound queue is below the
     * high-water mark): a producer that waits for it before each send never queues unboundedly.
     */
    public CompletableFuture<Void> writable() {
        ClientSession s = session;
        if (s == null) return CompletableFuture.completedFuture(null);
        CompletableFuture<Void> f = new CompletableFuture<>();
        // checked on the I/O thread, after every send queued before this call has reached the transport
        onLoop(s, () -> {
            if (s.connection().isWritable() || session != s) {
                f.complete(null);
                return;
            }
            synchronized (writableWaiters) {
                writableWaiters.add(f);
            }
            if (s.connection().isWritable()) wakeWriters();
        });
        return f;
    }

    /** Stops reading from the router (the router then stops the senders that feed this client). */
    public void pauseReading() {
        reading = false;
        ClientSession s = session;
        if (s != null) s.connection().setReading(false);
    }

    public void resumeReading() {
        reading = true;
        ClientSession s = session;
        if (s != null) s.connection().setReading(true);
    }

    /** Leaves the realm with GOODBYE and closes the connection; no reconnect follows. */
    public CompletableFuture<Void> leave() {
        closing = true;
        ClientSession s = session;
        if (s == null) return CompletableFuture.completedFuture(null);
        CompletableFuture<Void> done = new CompletableFuture<>();
        onLoop(s, () -> s.leave().whenComplete((v, e) -> done.complete(null)));
        return done;
    }

    @Override
    public void close() {
        try {
            leave().get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            ClientSession s = session;
            if (s != null) s.connection().close();
        }
    }
}
