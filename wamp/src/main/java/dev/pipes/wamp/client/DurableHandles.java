package dev.pipes.wamp.client;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Registrations and subscriptions that outlive a connection: the client replays them on every new
 * session, and their id follows the current session's.
 */
final class DurableHandles {
    private static final Logger LOG = LoggerFactory.getLogger(DurableHandles.class);

    private DurableHandles() {
    }

    static final class Registration implements Handles.Registration {
        final String procedure;
        final Options.Register options;
        final InvocationHandler handler;
        volatile long id;
        volatile boolean active = true;

        final Supplier<ClientSession> current;
        final Consumer<Registration> onRemove;

        Registration(String procedure, Options.Register options, InvocationHandler handler,
                     Supplier<ClientSession> current, Consumer<Registration> onRemove) {
            this.procedure = procedure;
            this.options = options;
            this.handler = handler;
            this.current = current;
            this.onRemove = onRemove;
        }

        CompletableFuture<Void> register(ClientSession s) {
            CompletableFuture<Void> done = new CompletableFuture<>();
            ClientSession.onLoop(s, () -> s.register(procedure, options, handler).whenComplete((regId, e) -> {
                if (e != null) {
                    done.completeExceptionally(e);
                } else {
                    id = (Long) regId;
                    done.complete(null);
                }
            }));
            return done;
        }

        void replay(ClientSession s) {
            if (active) register(s).exceptionally(e -> {
                LOG.warn("cannot register {} again after reconnecting: {}", procedure, e.getMessage());
                return null;
            });
        }

        @Override public String procedure() { return procedure; }
        @Override public long id() { return id; }

        @Override
        public CompletableFuture<Void> unregister() {
            active = false;
            onRemove.accept(this);
            ClientSession s = current.get();
            if (s == null || !s.isEstablished()) return CompletableFuture.completedFuture(null);
            CompletableFuture<Void> done = new CompletableFuture<>();
            ClientSession.onLoop(s, () -> s.unregister(id).whenComplete((v, e) -> {
                if (e != null) done.completeExceptionally(e);
                else done.complete(null);
            }));
            return done;
        }
    }

    static final class Subscription implements Handles.Subscription {
        final String topic;
        final Options.Subscribe options;
        final ClientSession.EventHandler handler;
        volatile long id;
        volatile boolean active = true;

        final Supplier<ClientSession> current;
        final Consumer<Subscription> onRemove;

        Subscription(String topic, Options.Subscribe options, ClientSession.EventHandler handler,
                     Supplier<ClientSession> current, Consumer<Subscription> onRemove) {
            this.topic = topic;
            this.options = options;
            this.handler = handler;
            this.current = current;
            this.onRemove = onRemove;
        }

        CompletableFuture<Void> subscribe(ClientSession s) {
            CompletableFuture<Void> done = new CompletableFuture<>();
            ClientSession.onLoop(s, () -> s.subscribe(topic, options, handler).whenComplete((subId, e) -> {
                if (e != null) {
                    done.completeExceptionally(e);
                } else {
                    id = (Long) subId;
                    done.complete(null);
                }
            }));
            return done;
        }

        void replay(ClientSession s) {
            if (active) subscribe(s).exceptionally(e -> {
                LOG.warn("cannot subscribe to {} again after reconnecting: {}", topic, e.getMessage());
                return null;
            });
        }

        @Override public String topic() { return topic; }
        @Override public long id() { return id; }

        @Override
        public CompletableFuture<Void> unsubscribe() {
            active = false;
            onRemove.accept(this);
            ClientSession s = current.get();
            if (s == null || !s.isEstablished()) return CompletableFuture.completedFuture(null);
            CompletableFuture<Void> done = new CompletableFuture<>();
            ClientSession.onLoop(s, () -> s.unsubscribe(id, handler).whenComplete((v, e) -> {
                if (e != null) done.completeExceptionally(e);
                else done.complete(null);
            }));
            return done;
        }
    }
}
