package dev.pipes.wamp.client;

import java.util.concurrent.CompletableFuture;

/** Handles of registrations and subscriptions; they survive reconnections. */
public final class Handles {
    private Handles() {
    }

    public interface Registration {
        String procedure();

        /** The id of the registration in the current session (changes after a reconnect). */
        long id();

        CompletableFuture<Void> unregister();
    }

    public interface Subscription {
        String topic();

        long id();

        CompletableFuture<Void> unsubscribe();
    }
}
