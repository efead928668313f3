package dev.pipes.engine.daemon.cli;

import dev.pipes.engine.daemon.DaemonHome;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * pipes' verbs' side of the daemon's control port: finds the daemon of a home through
 * {@code daemon.json}, checks that it answers, starts it when asked to, and sends requests with the
 * admin key.
 */
public final class DaemonClient implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

    private final DaemonHome home;
    private final HttpClient http;
    private final String key;
    private final URI base;

    private DaemonClient(DaemonHome home, HttpClient http, String key, URI base) {
        this.home = home;
        this.http = http;
        this.key = key;
        this.base = base;
    }

    /** The client of the daemon that runs for {@code home}, if one does and answers. */
    public static Optional<DaemonClient> connect(DaemonHome home) {
        Optional<DaemonHome.State> state = home.state();
        if (state.isEmpty() || ProcessHandle.of(state.get().pid()).map(p -> !p.isAlive()).orElse(true)) return Optional.empty();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        URI base = URI.create("http://" + state.get().controlHost() + ":" + state.get().controlPort());
        DaemonClient client = new DaemonClient(home, http, home.adminKey(), base);
        if (client.healthy()) return Optional.of(client);
        http.close();
        return Optional.empty();
    }

    /**
     * The client of the daemon of {@code home}, starting the daemon when none runs.
     * @throws IOException with the daemon's last words when it could not start
     */
    public static DaemonClient connectOrStart(DaemonHome home, DaemonLauncher launcher) throws IOException {
        Optional<DaemonClient> running = connect(home);
        if (running.isPresent()) return running.get();
        long logStart = Files.exists(home.logFile()) ? Files.size(home.logFile()) : 0;
        Process process = launcher.start(home);
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        long gaveUp = Long.MAX_VALUE;
        while (System.nanoTime() < Math.min(deadline, gaveUp)) {
            running = connect(home);
            if (running.isPresent()) return running.get();
            // ours may have lost the lock to another shell's daemon: give that one a moment to answer
            if (!process.isAlive() && gaveUp == Long.MAX_VALUE) gaveUp = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while the daemon starts");
            }
        }
        throw new IOException("the pipes daemon did not start" + lastWords(home, logStart));
    }

    private static String lastWords(DaemonHome home, long from) {
        try {
            byte[] all = Files.readAllBytes(home.logFile());
            String text = new String(all, (int) Math.min(from, all.length), (int) Math.max(0, all.length - from),
                    StandardCharsets.UTF_8).strip();
            if (text.isEmpty()) return " (see " + home.logFile() + ")";
            List<String> lines = text.lines().toList();
            return ": " + String.join("\n", lines.subList(Math.max(0, lines.size() - 5), lines.size()));
        } catch (IOException e) {
            return " (see " + home.logFile() + ")";
        }
    }

    private boolean healthy() {
        try {
            return send(HttpRequest.newBuilder(base.resolve("/health")).timeout(Duration.ofSeconds(5)).GET()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        }
    }

    public DaemonHome home() {
        return home;
    }

    public HttpResponse<String> get(String path) throws IOException {
        return send(request(path).GET());
    }

    public HttpResponse<String> delete(String path) throws IOException {
        return send(request(path).DELETE());
    }

    public HttpResponse<String> post(String path, byte[] body, String contentType) throws IOException {
        return send(request(path).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    /**
     * GETs {@code path} and copies the body to {@code out} as it arrives; returns the status code.
     * Interrupting the calling thread (Ctrl-C) stops it with an {@link InterruptedException}.
     */
    public int stream(String path, OutputStream out) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path)).header("Authorization", "Bearer " + key).GET().build();
        Future<HttpResponse<Void>> response = http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArrayConsumer(chunk -> {
            if (chunk.isEmpty()) return;
            try {
                out.write(chunk.get());
                out.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }));
        try {
            return response.get().statusCode();
        } catch (InterruptedException e) {
            response.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof UncheckedIOException u) throw u.getCause();
            throw new IOException("cannot read " + path + " from the daemon: " + cause.getMessage(), cause);
        }
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(REQUEST_TIMEOUT).header("Authorization", "Bearer " + key)
                .header("Accept", "application/json");
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (IOException e) {
            throw new IOException("cannot reach the pipes daemon at " + base + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        http.close();
    }
}
