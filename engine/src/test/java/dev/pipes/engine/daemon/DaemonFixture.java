package dev.pipes.engine.daemon;

import dev.pipes.engine.agent.RunRequest;
import dev.pipes.engine.service.FileConfigStore;
import dev.pipes.engine.service.ServiceSpec;
import dev.pipes.engine.service.Services;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A daemon inside the test's JVM on a temporary $PIPES_HOME, with embedded services, and an HTTP
 * client to its workflows' APIs (loopback only). {@link #restart()} stops it and starts a new one
 * on the same home, as a new daemon process would.
 */
public final class DaemonFixture implements AutoCloseable {
    public final Path dir;
    public final DaemonHome home;
    public final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private Services services;
    private Daemon daemon;

    public DaemonFixture(Path dir) throws IOException {
        this.dir = dir;
        this.home = new DaemonHome(dir.resolve("home"));
        start();
    }

    private void start() throws IOException {
        services = Services.embedded(home.home());
        daemon = Daemon.start(home, new DaemonStore(new FileConfigStore(home.store())), services, line -> { }, false);
    }

    public Daemon daemon() {
        return daemon;
    }

    public void restart() throws IOException {
        daemon.close();
        services.close();
        start();
    }

    /** Registers an executable as a service, as {@code build} does. */
    public void build(String name, Path executable) {
        services.registry().build(new ServiceSpec(name, executable, RunRequest.InputMode.STDIN, 1, ""));
    }

    /** Writes an executable shell script in the test directory. */
    public Path script(String name, String body) {
        Path file = dir.resolve(name);
        try {
            Files.writeString(file, "#!/bin/sh\n" + body + "\n");
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** The environment every test workflow runs with: PATH, and a HOME of its own in the test directory. */
    public Map<String, String> environment() {
        Map<String, String> env = new HashMap<>();
        env.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        env.put("HOME", dir.resolve("user-home").toString());
        return env;
    }

    public Daemon.Deployed deploy(String pipeline) throws IOException {
        return deploy(pipeline, Limits.DEFAULTS, true);
    }

    public Daemon.Deployed deploy(String pipeline, Limits limits, boolean token) throws IOException {
        return daemon.deploy(new DeployRequest("", pipeline, "127.0.0.1", 0, limits, token, dir, environment()));
    }

    /** A request to {@code path} of a workflow's API, with its token when {@code token} is not null. */
    public HttpResponse<String> send(String method, String url, String token, Map<String, String> headers, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(120))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (token != null) request.header("Authorization", "Bearer " + token);
        headers.forEach(request::header);
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpResponse<String> get(String url, String token, String... headers) {
        return send("GET", url, token, pairs(headers), null);
    }

    /** POSTs {@code query=...} as a form, the way {@code curl --data-urlencode query=...} does. */
    public HttpResponse<String> postForm(String url, String token, String formBody, String... headers) {
        Map<String, String> all = pairs(headers);
        all.put("Content-Type", "application/x-www-form-urlencoded");
        return send("POST", url, token, all, formBody.getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, String> pairs(String... headers) {
        Map<String, String> out = new HashMap<>();
        for (int i = 0; i + 1 < headers.length; i += 2) out.put(headers[i], headers[i + 1]);
        return out;
    }

    public static String form(String query) {
        return "query=" + java.net.URLEncoder.encode(query, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        daemon.close();
        services.close();
        http.close();
    }

    /** The live processes started below this JVM whose command line mentions {@code marker}. */
    public static List<ProcessHandle> processesMentioning(String marker) {
        return ProcessHandle.current().descendants()
                .filter(p -> p.isAlive() && p.info().commandLine().map(c -> c.contains(marker)).orElse(false)).toList();
    }
}
