package dev.pipes.docker.cluster;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;

/** Opens docker-java clients (the httpclient5 transport; the API version left to the engine). */
public final class DockerConnection {
    public static final String DEFAULT_HOST = "unix:///var/run/docker.sock";

    private DockerConnection() {}

    /** The engine at {@code host}, or else $DOCKER_HOST, or else the default socket. */
    public static String host(String host, Map<String, String> environment) {
        if (host != null && !host.isBlank()) return host;
        String env = environment.get("DOCKER_HOST");
        return env != null && !env.isBlank() ? env : DEFAULT_HOST;
    }

    /** A client of {@code host}; fails with a clear message when the engine does not answer a ping. */
    public static DockerClient connect(String host) throws IOException {
        DefaultDockerClientConfig config = DefaultDockerClientConfig.createDefaultConfigBuilder().withDockerHost(host).build();
        ApacheDockerHttpClient http = new ApacheDockerHttpClient.Builder().dockerHost(config.getDockerHost())
                .connectionTimeout(Duration.ofSeconds(5)).responseTimeout(Duration.ofMinutes(10)).maxConnections(32).build();
        DockerClient docker = DockerClientImpl.getInstance(config, http);
        try {
            docker.pingCmd().exec();
        } catch (RuntimeException e) {
            try {
                docker.close();
            } catch (IOException ignored) {
                // closing a client that never connected
            }
            throw new IOException("the Docker engine at " + host + " does not answer: " + rootMessage(e), e);
        }
        return docker;
    }

    static String rootMessage(Throwable t) {
        while (t.getCause() != null && t.getCause() != t) t = t.getCause();
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
