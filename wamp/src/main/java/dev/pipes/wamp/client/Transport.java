package dev.pipes.wamp.client;

import java.util.concurrent.CompletableFuture;

/** Opens connections to a router; a client reconnects by calling {@link #connect} again. */
public interface Transport {
    CompletableFuture<Connection> connect(Connection.Listener listener);
}
