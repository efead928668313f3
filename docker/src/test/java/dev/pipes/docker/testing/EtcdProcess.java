package dev.pipes.docker.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** A real etcd server (Debian's) on free loopback ports with a data directory of its own, for one test class. */
public final class EtcdProcess implements AutoCloseable {
    private final Process process;
    private final Path dataDir;
    private final URI client;

    private EtcdProcess(Process process, Path dataDir, URI client) {
        this.process = process;
        this.dataDir = dataDir;
        this.client = client;
    }

    public static EtcdProcess start() throws Exception {
        Path binary = Prerequisites.etcdBinary();
        Path dir = Files.createTempDirectory("pipes-etcd-it");
        int clientPort = freePort();
        int peerPort = freePort();
        URI client = URI.create("http://127.0.0.1:" + clientPort);
        String peer = "http://127.0.0.1:" + peerPort;
        Process p = new ProcessBuilder(binary.toString(), "--name", "it", "--data-dir", dir.resolve("data").toString(),
                "--listen-client-urls", client.toString(), "--advertise-client-urls", client.toString(),
                "--listen-peer-urls", peer, "--initial-advertise-peer-urls", peer, "--initial-cluster", "it=" + peer,
                "--log-level", "error", "--logger", "zap")
                .redirectErrorStream(true).redirectOutput(dir.resolve("etcd.log").toFile()).start();
        EtcdProcess etcd = new EtcdProcess(p, dir, client);
        etcd.awaitHealthy();
        return etcd;
    }

    private void awaitHealthy() throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) throw new IllegalStateException("etcd exited: " + Files.readString(dataDir.resolve("etcd.log")));
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(client.resolve("/health")).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200 && r.body().contains("true")) return;
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        close();
        throw new IllegalStateException("etcd did not become healthy within 30 s");
    }

    public URI clientUrl() {
        return client;
    }

    public List<URI> endpoints() {
        return List.of(client);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** Stops etcd (SIGTERM, then SIGKILL) and removes its data. */
    @Override
    public void close() throws Exception {
        process.destroy();
        if (!process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) process.destroyForcibly().waitFor();
        try (Stream<Path> files = Files.walk(dataDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
