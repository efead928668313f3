package dev.pipes.docker.cluster;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.ContainerSpec;
import com.github.dockerjava.api.model.EndpointResolutionMode;
import com.github.dockerjava.api.model.EndpointSpec;
import com.github.dockerjava.api.model.Info;
import com.github.dockerjava.api.model.LocalNodeState;
import com.github.dockerjava.api.model.Mount;
import com.github.dockerjava.api.model.MountType;
import com.github.dockerjava.api.model.NetworkAttachmentConfig;
import com.github.dockerjava.api.model.PortConfig;
import com.github.dockerjava.api.model.PortConfigProtocol;
import com.github.dockerjava.api.model.Service;
import com.github.dockerjava.api.model.ServiceModeConfig;
import com.github.dockerjava.api.model.ServiceReplicatedModeOptions;
import com.github.dockerjava.api.model.ServiceRestartCondition;
import com.github.dockerjava.api.model.ServiceRestartPolicy;
import com.github.dockerjava.api.model.ServiceSpec;
import com.github.dockerjava.api.model.SwarmSpec;
import com.github.dockerjava.api.model.TaskSpec;
import dev.pipes.docker.etcd.Etcd;
import dev.pipes.docker.image.ImageBuilder;
import dev.pipes.engine.agent.ClusterRouterMain;
import dev.pipes.engine.stream.PipesRouter;
import dev.pipes.engine.stream.StreamProtocol;
import dev.pipes.wamp.client.Credentials;
import dev.pipes.wamp.client.ReconnectPolicy;
import dev.pipes.wamp.client.WampClient;
import dev.pipes.wamp.serialization.Serializers;
import dev.pipes.wamp.transport.netty.WebSocketSettings;
import dev.pipes.wamp.transport.netty.WebSocketTransport;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * {@code pipes init} and {@code pipes leave}: Swarm, the overlay network, the router and etcd as
 * Swarm services, and the record of what was created. Every object carries the labels
 * {@value #LABEL_CLUSTER}=NAME and {@value #LABEL_KIND}, so that leave removes what init (and the
 * cluster's pipelines) made and nothing it found.
 */
public final class ClusterSetup {
    public static final String LABEL_CLUSTER = "dev.pipes.cluster";
    public static final String LABEL_KIND = "dev.pipes.kind";
    public static final String LABEL_SERVICE = "dev.pipes.service";
    private static final long READY_SECONDS = 90;
    /**
     * The router and etcd run on the manager: their ports are published on the node itself (no
     * ingress mesh without IPVS), at the address init advertises.
     */
    /**
     * The router and etcd run on the engine init talks to: their ports are published on that node
     * (mode=host) at the address the record gives, and etcd's volume is that node's.
     */
    private static com.github.dockerjava.api.model.ServicePlacement onNode(String nodeId) {
        return new com.github.dockerjava.api.model.ServicePlacement().withConstraints(List.of("node.id == " + nodeId));
    }

    /** What init was asked. */
    public record InitOptions(String name, List<String> servers, String etcd, String registry, String advertise, int managers) {
        public InitOptions(String name, List<String> servers, String etcd, String registry, String advertise) {
            this(name, servers, etcd, registry, advertise, 0);
        }
    }

    private ClusterSetup() {}

    /** Sets up a cluster and records it in {@code home} and in etcd; {@code progress} prints what happens. */
    public static ClusterRecord init(InitOptions options, Path home, Map<String, String> environment, Consumer<String> progress)
            throws IOException {
        if (Files.exists(home.resolve(ClusterRecord.FILE))) {
            throw new IOException("this $PIPES_HOME (" + home + ") is already in a cluster; pipes leave first");
        }
        String name = options.name();
        if (!name.matches("[a-z][a-z0-9-]{0,30}")) {
            throw new IllegalArgumentException("--name: use lower-case letters, digits and '-', starting with a letter: " + name);
        }
        JoinPlan plan = JoinPlan.of(options.servers(), options.managers());
        String host = DockerConnection.host(plan.primary(), environment);
        try (DockerClient docker = DockerConnection.connect(host)) {
            List<DockerClient> others = new ArrayList<>();
            for (String w : plan.joining()) others.add(DockerConnection.connect(w)); // each answers before anything changes
            boolean createdSwarm = ensureManager(docker, options.advertise(), progress);
            List<DockerClient> joined = new ArrayList<>();
            try {
                join(docker, plan, others, joined, options.advertise(), progress);
                List<String> joinedNodes = new ArrayList<>();
                for (DockerClient j : joined) joinedNodes.add(j.infoCmd().exec().getSwarm().getNodeID());
                String primaryNode = docker.infoCmd().exec().getSwarm().getNodeID();
                Map<String, String> labels = Map.of(LABEL_CLUSTER, name);
                ImageBuilder images = new ImageBuilder(docker, labels);
                String agentImage = images.agentImage(progress);
                if (!options.registry().isEmpty()) agentImage = images.push(agentImage, options.registry(), progress);
                String network = "pipes-" + name;
                progress.accept("creating the overlay network " + network);
                docker.createNetworkCmd().withName(network).withDriver("overlay").withAttachable(true)
                        .withLabels(Map.of(LABEL_CLUSTER, name, LABEL_KIND, "network")).exec();
                String ticket = ticket();
                String routerService = "pipes-" + name + "-router";
                int routerPort = freePort();
                progress.accept("starting the router as Swarm service " + routerService + " (published on port " + routerPort + ")");
                docker.createServiceCmd(new ServiceSpec().withName(routerService)
                        .withLabels(Map.of(LABEL_CLUSTER, name, LABEL_KIND, "router"))
                        .withTaskTemplate(new TaskSpec()
                                .withContainerSpec(new ContainerSpec().withImage(agentImage).withLabels(Map.of(LABEL_CLUSTER, name))
                                        .withCommand(ImageBuilder.javaCommand(ClusterRouterMain.class.getName(), List.of()))
                                        .withEnv(List.of(StreamProtocol.ENV_TICKET + "=" + ticket,
                                                ClusterRouterMain.ENV_PORT + "=" + ClusterRecord.ROUTER_PORT)))
                                .withRestartPolicy(new ServiceRestartPolicy().withCondition(ServiceRestartCondition.ANY).withDelay(1_000_000_000L))
                                .withPlacement(onNode(primaryNode))
                                .withNetworks(List.of(new NetworkAttachmentConfig().withTarget(network))))
                        .withMode(new ServiceModeConfig().withReplicated(new ServiceReplicatedModeOptions().withReplicas(1)))
                        // no IPVS on such kernels: DNS round robin, and the port published on the node itself
                        .withEndpointSpec(new EndpointSpec().withMode(EndpointResolutionMode.DNSRR).withPorts(List.of(
                                new PortConfig().withProtocol(PortConfigProtocol.TCP).withTargetPort(ClusterRecord.ROUTER_PORT)
                                        .withPublishedPort(routerPort).withPublishMode(PortConfig.PublishMode.host)))))
                        .exec();
                String advertised = options.advertise().isEmpty() ? "127.0.0.1" : options.advertise();
                String routerUrl = "ws://" + advertised + ":" + routerPort + "/";
                String etcd = options.etcd();
                String etcdService = "";
                String etcdVolume = "";
                if (etcd.isEmpty()) {
                    etcdService = "pipes-" + name + "-etcd";
                    etcdVolume = etcdService + "-data";
                    int etcdPort = freePort();
                    Path binary = Path.of("/usr/bin/etcd");
                    if (!Files.isExecutable(binary)) throw new IOException("no etcd to run as a service: " + binary
                            + " is missing (Debian's etcd-server), and no --etcd was given");
                    String etcdImage = images.executableImage("pipes-etcd:" + Files.size(binary), binary, progress);
                    if (!options.registry().isEmpty()) etcdImage = images.push(etcdImage, options.registry(), progress);
                    progress.accept("starting etcd as Swarm service " + etcdService + " (data in volume " + etcdVolume
                            + ", published on port " + etcdPort + ")");
                    docker.createVolumeCmd().withName(etcdVolume).withLabels(Map.of(LABEL_CLUSTER, name, LABEL_KIND, "etcd-data")).exec();
                    docker.createServiceCmd(new ServiceSpec().withName(etcdService)
                            .withLabels(Map.of(LABEL_CLUSTER, name, LABEL_KIND, "etcd"))
                            .withTaskTemplate(new TaskSpec()
                                    .withContainerSpec(new ContainerSpec().withImage(etcdImage).withLabels(Map.of(LABEL_CLUSTER, name))
                                            .withCommand(List.of(binary.toString(), "--name", "pipes", "--data-dir", "/data",
                                                    "--listen-client-urls", "http://0.0.0.0:2379",
                                                    "--advertise-client-urls", "http://" + etcdService + ":2379",
                                                    "--listen-peer-urls", "http://127.0.0.1:2380",
                                                    "--initial-advertise-peer-urls", "http://127.0.0.1:2380",
                                                    "--initial-cluster", "pipes=http://127.0.0.1:2380"))
                                            .withMounts(List.of(new Mount().withType(MountType.VOLUME).withSource(etcdVolume).withTarget("/data"))))
                                    .withRestartPolicy(new ServiceRestartPolicy().withCondition(ServiceRestartCondition.ANY).withDelay(1_000_000_000L))
                                    .withPlacement(onNode(primaryNode))
                                    .withNetworks(List.of(new NetworkAttachmentConfig().withTarget(network))))
                            .withMode(new ServiceModeConfig().withReplicated(new ServiceReplicatedModeOptions().withReplicas(1)))
                            .withEndpointSpec(new EndpointSpec().withMode(EndpointResolutionMode.DNSRR).withPorts(List.of(
                                    new PortConfig().withProtocol(PortConfigProtocol.TCP).withTargetPort(2379)
                                            .withPublishedPort(etcdPort).withPublishMode(PortConfig.PublishMode.host)))))
                            .exec();
                    etcd = "http://" + advertised + ":" + etcdPort;
                }
                ClusterRecord record = new ClusterRecord(name, host, createdSwarm, network, routerService, routerUrl, ticket, etcd,
                        etcdService, etcdVolume, agentImage, options.registry(), options.advertise(), plan.workers(), plan.managers(),
                        joinedNodes);
                awaitRouter(record, progress);
                try (Etcd store = Etcd.connect(Etcd.parseEndpoints(etcd))) {
                    awaitEtcd(store, progress);
                    store.store(record.namespace()).put("cluster", record.encode());
                }
                record.write(home);
                return record;
            } catch (IOException | RuntimeException e) {
                progress.accept("init failed: " + e.getMessage() + "; removing what it created");
                removeLabelled(docker, name, progress);
                if (createdSwarm) leaveSwarm(docker);
                for (DockerClient j : joined) leaveJoined(docker, j, progress);
                throw e;
            } finally {
                for (DockerClient other : others) other.close();
            }
        }
    }

    /** Makes the engine a Swarm manager when it is in no Swarm; true when init made the Swarm. */
    private static boolean ensureManager(DockerClient docker, String advertise, Consumer<String> progress) throws IOException {
        Info info = docker.infoCmd().exec();
        LocalNodeState state = info.getSwarm() == null ? null : info.getSwarm().getLocalNodeState();
        if (state == LocalNodeState.ACTIVE) {
            if (!Boolean.TRUE.equals(info.getSwarm().getControlAvailable())) {
                throw new IOException("this Docker engine is a Swarm worker; run pipes init against a manager (--servers)");
            }
            progress.accept("using the Swarm this engine manages");
            return false;
        }
        progress.accept("making this engine a Swarm manager");
        // heartbeats every second (Swarm's default: 5 s): a lost node is noticed, and its tasks
        // placed on the others, in seconds rather than a quarter of a minute
        docker.initializeSwarmCmd(new SwarmSpec().withDispatcher(
                        new com.github.dockerjava.api.model.SwarmDispatcherConfig().withHeartbeatPeriod(1_000_000_000L)))
                .withAdvertiseAddr(advertise.isEmpty() ? "127.0.0.1" : advertise)
                .withListenAddr("0.0.0.0:2377").exec();
        return true;
    }

    /** Joins {@code others} (the plan's managers, then its workers, connected in that order) to the manager's Swarm. */
    private static void join(DockerClient manager, JoinPlan plan, List<DockerClient> others, List<DockerClient> joined, String advertise,
                             Consumer<String> progress) {
        if (others.isEmpty()) return;
        if (advertise.isEmpty()) throw new IllegalArgumentException("--servers with more than one engine needs --advertise ADDR");
        plan.quorumNote().ifPresent(progress);
        var tokens = manager.inspectSwarmCmd().exec().getJoinTokens();
        for (int i = 0; i < others.size(); i++) {
            boolean asManager = i < plan.managers().size();
            String engine = plan.joining().get(i);
            progress.accept("joining " + engine + " to the Swarm as a " + (asManager ? "manager" : "worker"));
            others.get(i).joinSwarmCmd().withRemoteAddrs(List.of(advertise + ":2377"))
                    .withJoinToken(asManager ? tokens.getManager() : tokens.getWorker()).exec();
            joined.add(others.get(i));
        }
    }

    /**
     * Undoes a join: a manager is demoted first (by {@code primary}; a manager that just left would
     * count against the managers' quorum), then the engine leaves and its node is removed from the
     * Swarm's list. Best effort: an engine that does not answer is said so.
     */
    static void leaveJoined(DockerClient primary, DockerClient engine, Consumer<String> progress) {
        String nodeId;
        try {
            var swarm = engine.infoCmd().exec().getSwarm();
            nodeId = swarm == null ? null : swarm.getNodeID();
            if (nodeId == null || nodeId.isEmpty()) return; // in no Swarm
            if (Boolean.TRUE.equals(swarm.getControlAvailable())) demote(primary, nodeId, progress);
        } catch (RuntimeException e) {
            progress.accept("an engine does not answer: " + e.getMessage());
            return;
        }
        leaveSwarm(engine);
        try {
            primary.removeSwarmNodeCmd(nodeId).withForce(true).exec();
        } catch (RuntimeException e) {
            // the Swarm is gone with the primary, or the node was removed already
        }
    }

    private static boolean isManager(DockerClient primary, String nodeId) {
        var nodes = primary.listSwarmNodesCmd().withIdFilter(List.of(nodeId)).exec();
        return !nodes.isEmpty() && nodes.get(0).getManagerStatus() != null;
    }

    /** Whether the node {@code nodeId} is up as the Swarm sees it (false sorts first). */
    private static boolean reachable(DockerClient primary, String nodeId) {
        try {
            var nodes = primary.listSwarmNodesCmd().withIdFilter(List.of(nodeId)).exec();
            return !nodes.isEmpty() && nodes.get(0).getStatus() != null
                    && nodes.get(0).getStatus().getState() == com.github.dockerjava.api.model.SwarmNodeState.READY;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Makes the node {@code nodeId} a worker and waits (up to 30 s) until the Swarm says so. */
    private static void demote(DockerClient primary, String nodeId, Consumer<String> progress) {
        progress.accept("demoting the manager " + nodeId + " to a worker");
        for (int attempt = 0; attempt < 5; attempt++) {
            var node = primary.listSwarmNodesCmd().withIdFilter(List.of(nodeId)).exec().get(0);
            try {
                primary.updateSwarmNodeCmd().withSwarmNodeId(nodeId).withVersion(node.getVersion().getIndex())
                        .withSwarmNodeSpec(node.getSpec().withRole(com.github.dockerjava.api.model.SwarmNodeRole.WORKER)).exec();
                break;
            } catch (RuntimeException e) {
                if (attempt == 4) throw e;
                sleep(500); // its version moved on (heartbeats): once more
            }
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            var node = primary.listSwarmNodesCmd().withIdFilter(List.of(nodeId)).exec().get(0);
            if (node.getManagerStatus() == null) return;
            sleep(200);
        }
    }

    /** Waits until a client can join the router through its published port. */
    private static void awaitRouter(ClusterRecord record, Consumer<String> progress) throws IOException {
        progress.accept("waiting for the router at " + record.routerUrl());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(READY_SECONDS);
        String last = "";
        while (System.nanoTime() < deadline) {
            WampClient client = client(record);
            try {
                client.connect().get(3, TimeUnit.SECONDS);
                client.leave();
                return;
            } catch (Exception e) {
                last = DockerConnection.rootMessage(e);
                client.close();
            }
            sleep(300);
        }
        throw new IOException("the router did not answer at " + record.routerUrl() + " within " + READY_SECONDS + " s: " + last);
    }

    /** A client of the cluster's router, joined with the cluster's ticket (not connected yet). */
    public static WampClient client(ClusterRecord record) {
        return WampClient.create(new WebSocketTransport(URI.create(record.routerUrl()), List.of(Serializers.MSGPACK),
                        WebSocketSettings.defaults(), WebSocketTransport.shared()),
                StreamProtocol.REALM, Credentials.ticket(PipesRouter.AUTHID, record.ticket()), ReconnectPolicy.NEVER);
    }

    private static void awaitEtcd(Etcd etcd, Consumer<String> progress) throws IOException {
        progress.accept("waiting for etcd at " + etcd.endpoints());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(READY_SECONDS);
        String last = "";
        while (System.nanoTime() < deadline) {
            try {
                etcd.store("pipes-health/").get("probe");
                return;
            } catch (RuntimeException e) {
                last = e.getMessage();
            }
            sleep(300);
        }
        throw new IOException("etcd did not answer within " + READY_SECONDS + " s: " + last);
    }

    /**
     * {@code pipes leave}: removes the cluster's services (router, etcd, stages), then its network
     * and etcd's volume once no container uses them, and leaves the Swarm if init made it.
     */
    public static void leave(Path home, Consumer<String> progress) throws IOException {
        ClusterRecord record = ClusterRecord.read(home)
                .orElseThrow(() -> new IOException("this $PIPES_HOME (" + home + ") is in no cluster"));
        try (DockerClient docker = DockerConnection.connect(record.dockerHost())) {
            removeLabelled(docker, record.name(), progress);
            // demoted first, through this manager, the lost ones before the others: demoting a
            // manager that answers while another is lost could cost the managers' quorum
            List<String> byReach = new ArrayList<>(record.joinedNodes());
            byReach.sort(java.util.Comparator.comparing(id -> reachable(docker, id)));
            for (String nodeId : byReach) {
                try {
                    if (isManager(docker, nodeId)) demote(docker, nodeId, progress);
                } catch (RuntimeException e) {
                    progress.accept("the node " + nodeId + " stays a manager: " + e.getMessage());
                }
            }
            for (String engine : java.util.stream.Stream.concat(record.managers().stream(), record.workers().stream()).toList()) {
                progress.accept((record.managers().contains(engine) ? "the manager " : "the worker ") + engine + " leaves the Swarm");
                try (DockerClient w = DockerConnection.connect(engine)) {
                    leaveJoined(docker, w, progress);
                } catch (IOException | RuntimeException e) {
                    progress.accept("the engine " + engine + " does not answer: " + e.getMessage());
                }
            }
            for (String nodeId : record.joinedNodes()) {
                try {
                    docker.removeSwarmNodeCmd(nodeId).withForce(true).exec();
                } catch (RuntimeException e) {
                    // removed with its leaving already, or the Swarm is about to go
                }
            }
            if (record.createdSwarm()) {
                // a Swarm that others use since (another cluster, anyone's services) stays
                int others = docker.listServicesCmd().exec().size();
                if (others == 0) {
                    progress.accept("leaving the Swarm init created");
                    leaveSwarm(docker);
                } else {
                    progress.accept("the Swarm init created stays: " + others + " service(s) of others run on it");
                }
            }
        }
        Files.deleteIfExists(home.resolve(ClusterRecord.FILE));
    }

    /** Removes every service, then every network and volume, labelled as the cluster's. */
    static void removeLabelled(DockerClient docker, String cluster, Consumer<String> progress) {
        Map<String, String> label = Map.of(LABEL_CLUSTER, cluster);
        List<Service> services = docker.listServicesCmd().withLabelFilter(label).exec();
        for (Service s : services) {
            progress.accept("removing service " + s.getSpec().getName());
            try {
                docker.removeServiceCmd(s.getId()).exec();
            } catch (NotFoundException e) {
                // gone already
            }
        }
        awaitNoContainers(docker, cluster);
        for (var n : docker.listNetworksCmd().exec()) {
            if (n.getLabels() == null || !cluster.equals(n.getLabels().get(LABEL_CLUSTER))) continue;
            progress.accept("removing network " + n.getName());
            retry(() -> docker.removeNetworkCmd(n.getId()).exec());
        }
        // the images build made for this cluster's services (each cluster has its own tags)
        for (var image : docker.listImagesCmd().withLabelFilter(label).exec()) {
            if (image.getRepoTags() == null) continue;
            for (String tag : image.getRepoTags()) {
                if (tag.startsWith("<none>")) continue;
                progress.accept("removing image " + tag);
                try {
                    docker.removeImageCmd(tag).exec();
                } catch (RuntimeException e) {
                    progress.accept("image " + tag + " stays: " + e.getMessage());
                }
            }
        }
        var volumes = docker.listVolumesCmd().exec().getVolumes();
        if (volumes != null) {
            for (var v : volumes) {
                if (v.getLabels() == null || !cluster.equals(v.getLabels().get(LABEL_CLUSTER))) continue;
                progress.accept("removing volume " + v.getName());
                retry(() -> docker.removeVolumeCmd(v.getName()).exec());
            }
        }
    }

    /** Waits until the containers of the cluster's removed services are gone (Swarm stops them asynchronously). */
    static void awaitNoContainers(DockerClient docker, String cluster) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            boolean any = docker.listContainersCmd().withShowAll(true).exec().stream()
                    .anyMatch(c -> c.getLabels() != null && cluster.equals(c.getLabels().get(LABEL_CLUSTER)));
            if (!any) return;
            sleep(200);
        }
    }

    private static void retry(Runnable action) {
        RuntimeException last = null;
        for (int i = 0; i < 50; i++) {
            try {
                action.run();
                return;
            } catch (NotFoundException e) {
                return;
            } catch (RuntimeException e) {
                last = e;
                sleep(200);
            }
        }
        throw last;
    }

    private static void leaveSwarm(DockerClient docker) {
        try {
            docker.leaveSwarmCmd().withForceEnabled(true).exec();
        } catch (RuntimeException e) {
            // not in a Swarm any more
        }
    }

    private static String ticket() {
        byte[] secret = new byte[24];
        new java.security.SecureRandom().nextBytes(secret);
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted");
        }
    }
}
