package dev.pipes.engine.stream;

import dev.pipes.wamp.client.Credentials;
import dev.pipes.wamp.client.ReconnectPolicy;
import dev.pipes.wamp.client.Transport;
import dev.pipes.wamp.client.WampClient;
import dev.pipes.wamp.serialization.Serializers;
import dev.pipes.wamp.transport.netty.WebSocketSettings;
import dev.pipes.wamp.transport.netty.WebSocketTransport;
import java.net.URI;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A writer's connections to readers' endpoints (docs/protocol.md, Endpoints): one per endpoint,
 * joined with the writer's own credentials and reused for every stream written there, across runs
 * and pipelines. A stream whose reader has no endpoint, or none this writer can reach, goes through
 * the central router (the {@code fallback} client). Connections idle for a minute are closed.
 */
public final class Links implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Links.class);
    static final long IDLE_MILLIS = 60_000;
    private static final long CONNECT_SECONDS = 5;

    private final Credentials credentials;
    private final WampClient fallback;
    private final Map<String, Link> links = new HashMap<>();
    private ScheduledExecutorService reaper;
    private boolean closed;

    private static final class Link {
        final WampClient client;
        long lastUse = System.nanoTime();
        int writers;

        Link(WampClient client) {
            this.client = client;
        }
    }

    public Links(Credentials credentials, WampClient fallback) {
        this.credentials = credentials;
        this.fallback = fallback;
    }

    /** The central router's client: where a stream goes when its reader has no endpoint. */
    public WampClient fallback() {
        return fallback;
    }

    /**
     * A writer of {@code procedure}, whose reader is served at {@code endpoints} (the first usable
     * one; none: through the central router). {@code writer} is its index in a block joint, or null
     * for a plain stream. The connection counts as busy until the writer finishes, ends or aborts.
     */
    public StreamWriter writer(String procedure, List<String> endpoints, Integer writer) {
        if (endpoints != null) {
            for (String url : endpoints) {
                Transport transport = transport(url);
                if (transport == null) continue;
                Link link = connect(url, transport);
                if (link != null) return new StreamWriter(link.client, procedure, writer, () -> released(link));
            }
        }
        return new StreamWriter(fallback, procedure, writer);
    }

    private synchronized void released(Link link) {
        link.writers--;
        link.lastUse = System.nanoTime();
    }

    /** How to reach {@code url} from here, or null when this writer cannot (an unknown scheme, another JVM's memory URL). */
    private static Transport transport(String url) {
        if (url.startsWith("memory://")) {
            PipesRouter local = PipesRouter.local(url);
            return local == null ? null : local.inMemoryTransport();
        }
        if (url.startsWith("ws://") || url.startsWith("wss://")) {
            try {
                return new WebSocketTransport(URI.create(url), List.of(Serializers.MSGPACK), WebSocketSettings.defaults(),
                        WebSocketTransport.shared());
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        return null;
    }

    /** The connection to {@code url}, made when there is none; null when it cannot be made. */
    private Link connect(String url, Transport transport) {
        synchronized (this) {
            if (closed) return null;
            Link link = links.get(url);
            if (link != null && link.client.isConnected()) {
                link.writers++;
                return link;
            }
            links.remove(url);
        }
        WampClient client = WampClient.create(transport, StreamProtocol.REALM, credentials, ReconnectPolicy.NEVER);
        try {
            client.connect().get(CONNECT_SECONDS, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.warn("cannot reach the endpoint {} ({}); writing through the central router", url, e.getMessage());
            client.leave();
            return null;
        }
        synchronized (this) {
            if (closed) {
                client.leave();
                return null;
            }
            Link raced = links.get(url);
            if (raced != null && raced.client.isConnected()) {
                client.leave();
                raced.writers++;
                return raced;
            }
            Link link = new Link(client);
            link.writers = 1;
            links.put(url, link);
            if (reaper == null) {
                reaper = Executors.newSingleThreadScheduledExecutor(r -> Thread.ofPlatform().daemon().name("pipes-links").unstarted(r));
                reaper.scheduleWithFixedDelay(this::closeIdle, IDLE_MILLIS, IDLE_MILLIS / 2, TimeUnit.MILLISECONDS);
            }
            return link;
        }
    }

    /** Closes connections no writer has used for {@link #IDLE_MILLIS}. */
    private synchronized void closeIdle() {
        long now = System.nanoTime();
        for (Iterator<Link> it = links.values().iterator(); it.hasNext(); ) {
            Link link = it.next();
            if (link.writers == 0 && now - link.lastUse > TimeUnit.MILLISECONDS.toNanos(IDLE_MILLIS)) {
                it.remove();
                link.client.leave();
            }
        }
    }

    /** How many endpoints this writer is connected to now (tests, diagnostics). */
    public synchronized int connections() {
        return (int) links.values().stream().filter(l -> l.client.isConnected()).count();
    }

    @Override
    public void close() {
        synchronized (this) {
            closed = true;
            if (reaper != null) reaper.shutdownNow();
        }
        for (Link link : links.values()) link.client.leave();
        links.clear();
    }
}
