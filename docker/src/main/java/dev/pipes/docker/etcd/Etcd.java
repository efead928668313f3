package dev.pipes.docker.etcd;

import io.etcd.jetcd.ByteSequence;
import io.etcd.jetcd.Client;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A connection to an etcd cluster with jetcd, set up the way it works here: no keep-alive pings
 * without calls (etcd answers them with GOAWAY too_many_pings), a short connect timeout, and every
 * call bounded in time so that an unreachable etcd gives an error naming it instead of a hang.
 */
public final class Etcd implements AutoCloseable {
    /** How long one call may take before etcd counts as unreachable. */
    static final long CALL_SECONDS = 5;

    private final Client client;
    private final String endpoints;

    private Etcd(Client client, String endpoints) {
        this.client = client;
        this.endpoints = endpoints;
    }

    /** Connects lazily: the first call reaches out (and fails after {@link #CALL_SECONDS} if none answers). */
    /** gRPC logs through java.util.logging at INFO; a shell's output must not carry its chatter. */
    private static final java.util.logging.Logger GRPC_LOG = quiet("io.grpc");

    private static java.util.logging.Logger quiet(String name) {
        java.util.logging.Logger logger = java.util.logging.Logger.getLogger(name);
        logger.setLevel(java.util.logging.Level.WARNING);
        return logger;
    }

    public static Etcd connect(List<URI> endpoints) {
        if (endpoints.isEmpty()) throw new IllegalArgumentException("no etcd endpoint given");
        Client client = Client.builder()
                .endpoints(endpoints.toArray(URI[]::new))
                .keepaliveWithoutCalls(false)
                .keepaliveTime(Duration.ofSeconds(30))
                .keepaliveTimeout(Duration.ofSeconds(10))
                .connectTimeout(Duration.ofSeconds(3))
                .retryMaxDuration(Duration.ofSeconds(CALL_SECONDS))
                .build();
        return new Etcd(client, String.join(",", endpoints.stream().map(URI::toString).toList()));
    }

    /** Parses {@code http://HOST:PORT,...} as {@code --etcd} takes it. */
    public static List<URI> parseEndpoints(String text) {
        List<URI> out = new java.util.ArrayList<>();
        for (String part : text.split(",")) {
            String s = part.strip();
            if (s.isEmpty()) continue;
            URI uri;
            try {
                uri = URI.create(s.contains("://") ? s : "http://" + s);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("not an etcd URL: '" + s + "'");
            }
            if (uri.getHost() == null || uri.getPort() < 0 || !List.of("http", "https").contains(uri.getScheme())) {
                throw new IllegalArgumentException("not an etcd URL: '" + s + "' (expected http://HOST:PORT)");
            }
            out.add(uri);
        }
        if (out.isEmpty()) throw new IllegalArgumentException("no etcd URL in '" + text + "'");
        return out;
    }

    public Client client() {
        return client;
    }

    /** The endpoints, as errors name them. */
    public String endpoints() {
        return endpoints;
    }

    /** A store of keys under {@code namespace} (e.g. {@code pipes/NAME/}), as {@link EtcdConfigStore}. */
    public EtcdConfigStore store(String namespace) {
        return new EtcdConfigStore(this, namespace);
    }

    /** Waits for {@code call}; an error names etcd, {@code what} was attempted, and why it failed. */
    <T> T await(CompletableFuture<T> call, String what) {
        try {
            return call.get(CALL_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            call.cancel(true);
            throw failure("etcd at " + endpoints + ": cannot " + what + ": no answer within " + CALL_SECONDS + " s", null);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw failure("etcd at " + endpoints + ": cannot " + what + ": " + describe(cause), cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure("interrupted while waiting for etcd (" + what + ")", null);
        }
    }

    private static UncheckedIOException failure(String message, Throwable cause) {
        return new UncheckedIOException(message, new IOException(message, cause));
    }

    /** A readable cause: gRPC's status line without its stack of wrappers. */
    static String describe(Throwable t) {
        while (t.getCause() != null && (t.getMessage() == null || t instanceof java.util.concurrent.CompletionException)) {
            t = t.getCause();
        }
        String m = t.getMessage();
        return m == null ? t.getClass().getSimpleName() : m;
    }

    static ByteSequence bytes(String s) {
        return ByteSequence.from(s, StandardCharsets.UTF_8);
    }

    static String text(ByteSequence b) {
        return b.toString(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        client.close();
    }
}
