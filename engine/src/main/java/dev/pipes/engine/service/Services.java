package dev.pipes.engine.service;

import dev.pipes.engine.plan.ServiceRoute;
import dev.pipes.engine.runtime.LocalProcessRuntime;
import dev.pipes.engine.stream.StreamProtocol;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The services of a shell: the registry that {@code build} and {@code services} use and command
 * resolution looks in, and what runs service stages: a {@link ServicePlane} (routers, the shell's
 * clients and endpoint, the runtime), started lazily, on the first pipeline with a service.
 */
public final class Services implements ServiceRuntime, AutoCloseable {
    public static final long DEFAULT_BLOCK_SIZE = 1024 * 1024;
    private static final AtomicLong PIPELINES = new AtomicLong();

    private final ServiceRegistry registry;
    private final LocalProcessRuntime.Link link;
    private final ServicePlane plane;
    /** The protocol each native service's agent announced when it last ran (what explain can say of its joints). */
    private final Map<String, Integer> protocols = new java.util.concurrent.ConcurrentHashMap<>();

    public Services(ServiceRegistry registry, LocalProcessRuntime.Link link) {
        this.registry = registry;
        this.link = link;
        this.plane = new EmbeddedPlane(link);
    }

    /** Services whose stages run on {@code plane} (a cluster's); agents reach it by sockets. */
    public Services(ServiceRegistry registry, ServicePlane plane) {
        this.registry = registry;
        this.link = LocalProcessRuntime.Link.WEBSOCKET;
        this.plane = plane;
    }

    /** Chooses how agents of the embedded runtime reach the routers: {@code memory} (default) or {@code websocket}. */
    public static final String LINK_VARIABLE = "PIPES_AGENT_LINK";

    /** The embedded services of {@code home} ($PIPES_HOME): the store is {@code home/store}. */
    public static Services embedded(Path home) {
        return new Services(new ServiceRegistry(new FileConfigStore(home.resolve("store"))), LocalProcessRuntime.Link.IN_MEMORY);
    }

    /**
     * The embedded services of a shell started with {@code environment}: $PIPES_HOME (default
     * ~/.pipes), agents in pipesh reached in memory unless $PIPES_AGENT_LINK is {@code websocket}
     * (loopback sockets, as agents in a cluster use).
     */
    public static Services embedded(Map<String, String> environment) {
        LocalProcessRuntime.Link link = "websocket".equals(environment.get(LINK_VARIABLE))
                ? LocalProcessRuntime.Link.WEBSOCKET : LocalProcessRuntime.Link.IN_MEMORY;
        return new Services(new ServiceRegistry(new FileConfigStore(home(environment).resolve("store"))), link);
    }

    /** $PIPES_HOME, or ~/.pipes. */
    public static Path home(Map<String, String> environment) {
        String home = environment.get("PIPES_HOME");
        if (home != null && !home.isEmpty()) return Path.of(home);
        return Path.of(environment.getOrDefault("HOME", System.getProperty("user.home")), ".pipes");
    }

    @Override
    public ServiceRegistry registry() {
        return registry;
    }

    @Override
    public Optional<String> lookup(String name) {
        Optional<ServiceRef> ref = ServiceRef.parse(name);
        if (ref.isEmpty()) return Optional.empty();
        try {
            return registry.find(ref.get().name()).map(spec -> ref.get().toString());
        } catch (RuntimeException e) {
            return Optional.empty(); // a corrupt entry is reported by `services`, not by every command lookup
        }
    }

    @Override
    public ServiceRoute route(String reference, boolean fuse) {
        Optional<ServiceSpec> spec = ServiceRef.parse(reference).flatMap(ref -> {
            try {
                return registry.find(ref.name()).map(s -> new ServiceSpec(s.name(), s.executable(), s.input(),
                        ref.replicasOr(s.replicas()), s.description(), s.nativeAgent()));
            } catch (RuntimeException e) {
                return Optional.empty();
            }
        });
        if (spec.isEmpty()) return ServiceRoute.agent("a service that is gone", ServiceRoute.UNKNOWN);
        ServiceSpec s = spec.get();
        if (fuse && fusable(s) && plane instanceof EmbeddedPlane) {
            return ServiceRoute.fused("a local process, fused: joined to its neighbours like a local command ("
                    + ServiceRuntime.FUSE_VARIABLE + "=0 runs it through its agent)", s.executable());
        }
        String transport = link == LocalProcessRuntime.Link.WEBSOCKET ? "loopback WebSocket" : "pipesh's memory";
        String what = !(plane instanceof EmbeddedPlane) ? (s.nativeAgent() ? "its own stage agent" : "wrapped by a stage agent")
                : s.nativeAgent() ? "a local process that is its own stage agent"
                : "a local process wrapped by a stage agent (WAMP over " + transport + ")";
        if (s.replicas() > 1) what = s.replicas() + " replicas, each " + what;
        int protocol = s.nativeAgent() ? protocols.getOrDefault(s.name(), ServiceRoute.UNKNOWN) : StreamProtocol.VERSION;
        return !plane.shellReachesAgents()
                ? ServiceRoute.remoteAgent(what + "; " + plane.placement(), protocol)
                : ServiceRoute.agent(what + "; " + plane.placement(), protocol);
    }

    /**
     * Whether a stage can run as a plain local process without losing anything a service gives: a
     * wrapped executable reading standard input, one replica (blocks need an agent to cut and order
     * them; args mode and native stages need their agent).
     */
    private static boolean fusable(ServiceSpec spec) {
        return !spec.nativeAgent() && spec.replicas() == 1 && spec.input() == dev.pipes.engine.agent.RunRequest.InputMode.STDIN;
    }

    /** Resolves a stage as the plan named it; an error message when the service is gone. */
    private ServiceStage resolve(String reference, List<String> argv, StageIo io) {
        ServiceRef ref = ServiceRef.parse(reference)
                .orElseThrow(() -> new IllegalArgumentException(reference + ": not a service name"));
        ServiceSpec spec = registry.find(ref.name())
                .orElseThrow(() -> new IllegalArgumentException(ref.name() + ": no such service (was it removed?)"));
        return new ServiceStage(ref, spec, argv, io);
    }

    @Override
    public Started start(List<StageRequest> requests, Path cwd, Map<String, String> environment, Consumer<String> errors) {
        List<ServiceStage> stages = new java.util.ArrayList<>();
        for (StageRequest r : requests) stages.add(resolve(r.reference(), r.argv(), r.io()));
        String id = "p" + PIPELINES.incrementAndGet() + "_" + Long.toHexString(System.nanoTime() & 0xffffff);
        PipelineContext context = new PipelineContext(id, plane, errors, cwd, environment, protocols::put);
        ServicePipeline pipeline = new ServicePipeline(context, plane.runtime(), blockSize(environment));
        return new Started(pipeline.start(stages), pipeline.feedersStopped(), pipeline::cancel);
    }

    private static long blockSize(Map<String, String> environment) {
        String value = environment.get(ServiceRuntime.BLOCK_SIZE_VARIABLE);
        if (value == null) return DEFAULT_BLOCK_SIZE;
        try {
            long size = Long.parseLong(value.strip());
            return size > 0 ? size : DEFAULT_BLOCK_SIZE;
        } catch (NumberFormatException e) {
            return DEFAULT_BLOCK_SIZE;
        }
    }

    @Override
    public String mode() {
        return plane.mode();
    }

    @Override
    public Optional<String> deployment(String name) {
        return plane.deployment(name);
    }

    @Override
    public void prepare(ServiceSpec spec, Map<String, String> options, Consumer<String> progress) {
        plane.prepare(spec, options, progress);
    }

    /** The embedded plane of this shell's pipelines (tests look at what its central router carried). */
    EmbeddedPlane plane() {
        return (EmbeddedPlane) plane;
    }

    /** Stops the agents, the shell's clients and the routers. */
    @Override
    public void close() {
        plane.close();
    }
}
