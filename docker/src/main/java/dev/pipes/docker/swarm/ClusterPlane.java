package dev.pipes.docker.swarm;

import com.github.dockerjava.api.DockerClient;
import dev.pipes.docker.cluster.ClusterRecord;
import dev.pipes.docker.cluster.ClusterSetup;
import dev.pipes.docker.cluster.DockerConnection;
import dev.pipes.docker.image.ImageBuilder;
import dev.pipes.engine.runtime.Runtime;
import dev.pipes.engine.service.ConfigStore;
import dev.pipes.engine.service.ServicePlane;
import dev.pipes.engine.service.ServiceSpec;
import dev.pipes.engine.stream.Links;
import dev.pipes.engine.stream.PipesRouter;
import dev.pipes.wamp.client.WampClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A shell's plane in cluster mode, started on the first pipeline with a service: its client of the
 * cluster's router (through the router's published port), the {@link SwarmRuntime}, and an
 * endpoint in pipesh where the shell's readers are registered. The shell's host is not on the
 * overlay network, so the shell writes to first stages and reads last stages through the
 * central router; between services, agents write straight to each other's endpoints.
 * {@code build} builds the service's image here ({@link #prepare}).
 */
public final class ClusterPlane implements ServicePlane {
    /** Seconds a service's agents may all stay idle before its Swarm service is removed. */
    public static final String IDLE_VARIABLE = "PIPES_CLUSTER_IDLE";
    private static final String IMAGES = "images/";

    private final ClusterRecord record;
    private final ConfigStore store;
    private final long idleMillis;
    private final dev.pipes.docker.etcd.Etcd etcd;
    private ShellLease lease;
    private DockerClient docker;
    private WampClient shell;
    private PipesRouter endpoint;
    private WampClient shellEndpoint;
    private Links links;
    private SwarmRuntime runtime;

    /** {@code etcd}: the client behind {@code store}, closed with the plane. */
    public ClusterPlane(ClusterRecord record, ConfigStore store, Map<String, String> environment, dev.pipes.docker.etcd.Etcd etcd) {
        this.etcd = etcd;
        this.record = record;
        this.store = store;
        long idle = 300;
        try {
            idle = Long.parseLong(environment.getOrDefault(IDLE_VARIABLE, "300").strip());
        } catch (NumberFormatException e) {
            // the default
        }
        this.idleMillis = Math.max(1, idle) * 1000;
    }

    /**
     * Starts the plane on first use, and joins the router again when the shell's session ended
     * (the router's container restarted): the runtime then follows the new router's directory.
     */
    private synchronized void start() {
        if (shell != null && shell.isConnected() && answers()) return;
        try {
            WampClient client = ClusterSetup.client(record);
            client.connect().get(10, TimeUnit.SECONDS);
            if (shell != null) {
                links.close();
                links = new Links(endpoint.credentials(), client);
                runtime.follow(client);
                shell.close();
                shell = client;
                checked = System.nanoTime();
                return;
            }
            docker = docker();
            endpoint = PipesRouter.start(PipesRouter.AUTHID, record.ticket());
            shellEndpoint = endpoint.client(endpoint.inMemoryTransport());
            shellEndpoint.connect().get(10, TimeUnit.SECONDS);
            links = new Links(endpoint.credentials(), client);
            lease = new ShellLease(etcd, record.namespace(), Long.toHexString(new java.security.SecureRandom().nextLong()));
            runtime = new SwarmRuntime(record, docker, client, this::image, idleMillis, lease.id());
            runtime.removeOrphans(lease::alive);
            shell = client;
        } catch (Exception e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new IllegalStateException("cluster " + record.name() + ": cannot reach its router at " + record.routerUrl()
                    + ": " + cause.getMessage(), e);
        }
    }

    private long checked;

    /**
     * Whether the router still answers the shell's session (at most every 2 s: a call costs a
     * round trip). A router container that was killed leaves the session's TCP connection open
     * without a peer; only a call that gets no answer shows it.
     */
    private boolean answers() {
        long now = System.nanoTime();
        if (now - checked < TimeUnit.SECONDS.toNanos(2)) return true;
        try {
            shell.call(dev.pipes.engine.agent.ClusterRouterMain.AGENTS, dev.pipes.wamp.client.Options.Call.DEFAULT, List.of(), Map.of())
                    .result().get(2, TimeUnit.SECONDS);
            checked = System.nanoTime();
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    private synchronized DockerClient docker() throws IOException {
        if (docker == null) docker = DockerConnection.connect(record.dockerHost());
        return docker;
    }

    /** The image build recorded for {@code service}. */
    private String image(String service) {
        return store.get(IMAGES + service)
                .orElseThrow(() -> new IllegalStateException(service + ": no image was built for it in cluster " + record.name()
                        + " (build it again)"));
    }

    @Override
    public synchronized WampClient shellClient() {
        start();
        return shell;
    }

    @Override
    public synchronized WampClient shellEndpointClient() {
        start();
        return shellEndpoint;
    }

    /** None reachable from the containers: agents write the streams that come back through the router. */
    @Override
    public List<String> shellUrls() {
        return List.of();
    }

    @Override
    public synchronized Links links() {
        start();
        return links;
    }

    @Override
    public boolean socketsOnly() {
        return true;
    }

    @Override
    public synchronized Runtime runtime() {
        start();
        return runtime;
    }

    @Override
    public void serveProcesses() {
        // the cluster's router serves its own socket
    }

    /** The image build recorded, and the Swarm service's tasks: how many run, on which nodes. */
    @Override
    public java.util.Optional<String> deployment(String name) {
        java.util.Optional<String> image = store.get(IMAGES + name);
        if (image.isEmpty()) return java.util.Optional.of("no image in cluster " + record.name() + " (build it again)");
        String where;
        try {
            where = SwarmRuntime.describe(docker(), record.name(), name);
        } catch (IOException | RuntimeException e) {
            where = "Docker does not answer: " + e.getMessage();
        }
        return java.util.Optional.of("image " + image.get() + "; " + where);
    }

    @Override
    public String mode() {
        return "cluster " + record.name();
    }

    @Override
    public String placement() {
        return "cluster " + record.name() + ", a Swarm service on network " + record.network();
    }

    /** The agents' endpoints are overlay addresses; the shell's host is not on the overlay. */
    @Override
    public boolean shellReachesAgents() {
        return false;
    }

    @Override
    public boolean sharesFilesystem() {
        return false;
    }

    /** Builds the service's image (and pushes it with --registry or the cluster's registry) and records it. */
    @Override
    public void prepare(ServiceSpec spec, Map<String, String> options, Consumer<String> progress) {
        try {
            ImageBuilder images = new ImageBuilder(docker(), Map.of(ClusterSetup.LABEL_CLUSTER, record.name(),
                    ClusterSetup.LABEL_SERVICE, spec.name()));
            String dockerfile = options.get("--dockerfile");
            String tag = images.serviceImage(record.name(), spec.name(), spec.executable(), options.get("--base"),
                    dockerfile == null ? null : java.nio.file.Path.of(dockerfile), progress);
            String registry = options.getOrDefault("--registry", record.registry());
            String image = registry.isEmpty() ? tag : images.push(tag, registry, progress);
            long size = images.size(tag);
            progress.accept(String.format("image %s, %.1f MB", image, size / 1e6));
            store.put(IMAGES + spec.name(), image);
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
    }

    @Override
    public synchronized void close() {
        if (runtime != null) runtime.close();
        if (links != null) links.close();
        if (shell != null) shell.leave();
        if (shellEndpoint != null) shellEndpoint.leave();
        if (endpoint != null) endpoint.close();
        if (docker != null) {
            try {
                docker.close();
            } catch (IOException e) {
                // closing
            }
        }
        shell = null;
        if (lease != null) lease.close();
        etcd.close();
    }
}
