package dev.pipes.docker.swarm;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.ContainerSpec;
import com.github.dockerjava.api.model.EndpointResolutionMode;
import com.github.dockerjava.api.model.EndpointSpec;
import com.github.dockerjava.api.model.NetworkAttachmentConfig;
import com.github.dockerjava.api.model.Service;
import com.github.dockerjava.api.model.ServiceModeConfig;
import com.github.dockerjava.api.model.ServiceReplicatedModeOptions;
import com.github.dockerjava.api.model.ServiceRestartCondition;
import com.github.dockerjava.api.model.ServiceRestartPolicy;
import com.github.dockerjava.api.model.ServiceSpec;
import com.github.dockerjava.api.model.TaskSpec;
import dev.pipes.docker.cluster.ClusterRecord;
import dev.pipes.docker.cluster.ClusterSetup;
import dev.pipes.engine.agent.ClusterRouterMain;
import dev.pipes.engine.runtime.AgentHandle;
import dev.pipes.engine.runtime.AgentLaunch;
import dev.pipes.engine.runtime.Runtime;
import dev.pipes.engine.stream.PipesRouter;
import dev.pipes.engine.stream.StreamProtocol;
import dev.pipes.wamp.client.CallResult;
import dev.pipes.wamp.client.Options;
import dev.pipes.wamp.client.WampClient;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The cluster runtime: the agents of service NAME are the tasks of Swarm service
 * {@code pipes-CLUSTER-s-NAME} on the cluster's overlay network, each the stage instance
 * {@code c_NAME_HASH_SLOT} (its task slot; a restarted task keeps it). Agents join the cluster's
 * router and announce themselves there ({@link ClusterRouterMain}); this runtime follows those
 * announcements. A pipeline gets an idle ready agent of its service at once (warm start: no Swarm
 * call at all), or scales the Swarm service up by the agents it lacks and waits for their
 * announcements (cold start). Other shells follow the same agents, so an agent is used only once
 * the router has granted it ({@link ClusterRouterMain#CLAIM}): a refused claim means another
 * shell took it, and the pipeline tries the next idle agent or scales the service up by one more
 * (the agents other shells hold count as busy). Released agents stay up; a service whose agents have all been idle
 * for {@link #idleMillis} is removed, and so is every service this runtime created when it closes
 * or a canceled pipeline leaves one without busy agents.
 */
public final class SwarmRuntime implements Runtime {
    private final ClusterRecord record;
    private final DockerClient docker;
    /** The shell's owner id: stage services carry it, so that the next shell finds those of a shell killed with SIGKILL. */
    private final String owner;
    private final Function<String, String> imageOf;
    private final long idleMillis;
    /**
     * Docker calls: the services of one pipeline are created side by side (each create is a round
     * trip to the manager), the calls for one service one at a time ({@link #lock}).
     */
    private final ExecutorService swarm = Executors.newFixedThreadPool(4, r -> Thread.ofPlatform().daemon().name("pipes-swarm").unstarted(r));
    private final Map<String, Object> locks = new java.util.concurrent.ConcurrentHashMap<>();

    private Object lock(String service) {
        return locks.computeIfAbsent(service, k -> new Object());
    }

    // guarded by this
    private final Map<String, Map<String, Object>> ready = new HashMap<>();
    private final Map<String, Deque<String>> idle = new HashMap<>();
    private final Set<String> busy = new HashSet<>();
    /** Agents the router granted to other shells (they count when this shell scales a service). */
    private final Set<String> elsewhere = new HashSet<>();
    /** Busy agents whose claim is in flight, and whether the router announced them ready again meanwhile. */
    private final Map<String, Boolean> claiming = new HashMap<>();
    /** Agents this shell is giving back (busy until the router answered): the next pipeline here waits for them, not for Swarm. */
    private final Set<String> releasing = new HashSet<>();
    /** The client joined to the router: claims go there. */
    private volatile WampClient control;
    private final Map<String, Deque<CompletableFuture<AgentHandle>>> waiting = new HashMap<>();
    private final Map<String, Integer> replicas = new HashMap<>();
    private final Map<String, Long> lastUse = new HashMap<>();
    private boolean closed;

    /** {@code imageOf}: the image of a service (by name), as build recorded it. */
    public SwarmRuntime(ClusterRecord record, DockerClient docker, WampClient control, Function<String, String> imageOf, long idleMillis,
                        String owner) throws Exception {
        this.record = record;
        this.docker = docker;
        this.imageOf = imageOf;
        this.idleMillis = idleMillis;
        this.owner = owner;
        follow(control);
        Executors.newSingleThreadScheduledExecutor(r -> Thread.ofPlatform().daemon().name("pipes-swarm-idle").unstarted(r))
                .scheduleWithFixedDelay(this::removeIdle, Math.max(1000, idleMillis / 4), Math.max(1000, idleMillis / 4), TimeUnit.MILLISECONDS);
    }

    /**
     * Follows the agent directory of the router {@code control} is joined to; called again with a
     * new client after the router restarted (its directory starts empty, and the agents, whose
     * sessions ended with it, are restarted by Swarm and announce themselves anew).
     */
    public void follow(WampClient control) throws Exception {
        synchronized (this) {
            ready.clear();
            idle.clear();
            elsewhere.clear();
        }
        this.control = control;
        control.subscribe(ClusterRouterMain.AGENT_CLAIMED, Options.Subscribe.DEFAULT,
                e -> claimedElsewhere(String.valueOf(e.args().get(0)))).get(10, TimeUnit.SECONDS);
        control.subscribe(ClusterRouterMain.AGENT_READY, Options.Subscribe.DEFAULT,
                e -> announced(String.valueOf(e.args().get(0)), e.kwargs())).get(10, TimeUnit.SECONDS);
        control.subscribe(ClusterRouterMain.AGENT_GONE, Options.Subscribe.DEFAULT,
                e -> gone(String.valueOf(e.args().get(0)))).get(10, TimeUnit.SECONDS);
        CallResult agents = control.call(ClusterRouterMain.AGENTS, Options.Call.DEFAULT, List.of(), Map.of()).result()
                .get(10, TimeUnit.SECONDS);
        if (agents.kwargs().get("agents") instanceof List<?> list) {
            for (Object o : list) {
                if (o instanceof Map<?, ?> m && m.get("stage") instanceof String stage) {
                    @SuppressWarnings("unchecked") Map<String, Object> kw = (Map<String, Object>) m;
                    announced(stage, kw);
                }
            }
        }
    }

    /** What {@code services} says of a service's Swarm service: its tasks that run, and where. */
    static String describe(DockerClient docker, String cluster, String service) {
        String name = swarmService(cluster, service);
        Service s = docker.listServicesCmd().withNameFilter(List.of(name)).exec().stream()
                .filter(x -> name.equals(x.getSpec().getName())).findFirst().orElse(null);
        if (s == null) return "no agent up (started by the next pipeline)";
        Map<String, String> hosts = new HashMap<>();
        for (var node : docker.listSwarmNodesCmd().exec()) hosts.put(node.getId(), node.getDescription().getHostname());
        List<String> nodes = docker.listTasksCmd().withServiceFilter(s.getId()).exec().stream()
                .filter(t -> t.getStatus() != null && t.getStatus().getState() == com.github.dockerjava.api.model.TaskState.RUNNING)
                .map(t -> hosts.getOrDefault(t.getNodeId(), t.getNodeId())).sorted().toList();
        return "Swarm service " + name + ", " + nodes.size() + " agent(s) running" + (nodes.isEmpty() ? "" : " on " + String.join(", ", nodes));
    }

    /** The label that names the shell whose pipelines started a stage service. */
    public static final String LABEL_OWNER = "dev.pipes.owner";

    /**
     * Removes the stage services of this cluster whose owner is not alive (a shell killed with
     * SIGKILL could not remove them); {@code alive} says whether an owner still holds its lease.
     */
    public void removeOrphans(java.util.function.Predicate<String> alive) {
        for (Service s : docker.listServicesCmd().withLabelFilter(Map.of(ClusterSetup.LABEL_CLUSTER, record.name(),
                ClusterSetup.LABEL_KIND, "stage")).exec()) {
            String of = s.getSpec().getLabels() == null ? null : s.getSpec().getLabels().get(LABEL_OWNER);
            if (of == null || of.equals(owner) || alive.test(of)) continue;
            try {
                docker.removeServiceCmd(s.getId()).exec();
            } catch (RuntimeException e) {
                // removed meanwhile
            }
        }
    }

    /** The Swarm service of a pipes service. */
    public static String swarmService(String cluster, String service) {
        return "pipes-" + cluster + "-s-" + service.toLowerCase(java.util.Locale.ROOT);
    }

    /** The stage id prefix of the agents of {@code service}: {@code c_NAME_HASH_}, then the task slot. */
    static String stagePrefix(String service) {
        String hash = Integer.toHexString(service.hashCode() & 0xfffff);
        return "c_" + service.replace('-', '_') + "_" + hash + "_";
    }

    @Override
    public String placement() {
        return "a task of Swarm service " + swarmService(record.name(), "NAME") + " on network " + record.network();
    }

    @Override
    public CompletableFuture<AgentHandle> start(AgentLaunch launch) {
        String service = launch.service();
        CompletableFuture<AgentHandle> handed = new CompletableFuture<>();
        synchronized (this) {
            if (closed) return CompletableFuture.failedFuture(new IllegalStateException("the cluster runtime is closed"));
            lastUse.put(service, System.nanoTime());
        }
        take(service, handed);
        return handed;
    }

    /**
     * Claims an idle agent of {@code service} for {@code handed}; without one, queues it for the
     * next announced agent and has Swarm run one more.
     */
    private void take(String service, CompletableFuture<AgentHandle> handed) {
        String stage;
        int wanted = 0;
        synchronized (this) {
            if (handed.isDone()) return;
            stage = claimIdle(service);
            if (stage == null) {
                waiting.computeIfAbsent(service, k -> new ArrayDeque<>()).add(handed);
                wanted = wanted(service);
                String prefix = stagePrefix(service);
                long comingBack = releasing.stream().filter(s -> s.startsWith(prefix)).count();
                long queued = waiting.get(service).stream().filter(f -> !f.isDone()).count();
                if (comingBack >= queued) return; // an agent of this shell's last pipeline is on its way back: no Swarm call
            }
        }
        if (stage != null) {
            claim(service, stage, handed);
        } else {
            int n = wanted;
            swarm.execute(() -> scale(service, n, handed));
        }
    }

    /** How many agents of {@code service} must run: those busy here or elsewhere, and one per waiting pipeline. */
    private int wanted(String service) {
        String prefix = stagePrefix(service);
        long held = busy.stream().filter(s -> s.startsWith(prefix)).count() + elsewhere.stream().filter(s -> s.startsWith(prefix)).count();
        long queued = waiting.getOrDefault(service, new ArrayDeque<>()).stream().filter(f -> !f.isDone()).count();
        return (int) (held + queued);
    }

    private String claimIdle(String service) {
        Deque<String> free = idle.get(service);
        String stage;
        while (free != null && (stage = free.poll()) != null) {
            if (ready.containsKey(stage) && busy.add(stage)) {
                claiming.put(stage, false);
                return stage;
            }
        }
        return null;
    }

    /**
     * Asks the router for {@code stage} (marked busy here): granted, it goes to {@code handed}
     * (or back, when that was canceled meanwhile); refused, {@code handed} takes another.
     */
    private void claim(String service, String stage, CompletableFuture<AgentHandle> handed) {
        CompletableFuture<CallResult> answer;
        try {
            answer = control.call(ClusterRouterMain.CLAIM, Options.Call.DEFAULT, List.of(stage), Map.of()).result();
        } catch (RuntimeException e) {
            answer = CompletableFuture.failedFuture(e);
        }
        answer.whenComplete((granted, failure) -> {
            Throwable cause = failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null ? failure.getCause() : failure;
            String error = cause instanceof dev.pipes.wamp.client.WampException w ? w.error() : null;
            String refused = ClusterRouterMain.CLAIMED.equals(error) || ClusterRouterMain.NOT_READY.equals(error) ? error : null;
            // a router older than claims has no such procedure: its agents refuse a second run themselves
            if (cause != null && refused == null && !"wamp.error.no_such_procedure".equals(error)) {
                synchronized (this) {
                    claiming.remove(stage);
                    busy.remove(stage);
                }
                handed.completeExceptionally(new IllegalStateException("service " + service + ": the cluster's router did not hand out agent "
                        + stage + ": " + cause.getMessage(), cause));
                return;
            }
            Map<String, Object> announced;
            synchronized (this) {
                boolean freedMeanwhile = Boolean.TRUE.equals(claiming.remove(stage));
                announced = ready.get(stage);
                if (refused != null) {
                    busy.remove(stage);
                    if (refused.equals(ClusterRouterMain.NOT_READY)) ready.remove(stage);
                    else if (freedMeanwhile && ready.containsKey(stage)) idle.computeIfAbsent(service, k -> new ArrayDeque<>()).add(stage);
                    else elsewhere.add(stage);
                }
            }
            if (refused != null) {
                take(service, handed);
                return;
            }
            // granted
            Agent agent = new Agent(service, stage, announced == null ? Map.of() : announced);
            if (!handed.complete(agent)) agent.release();
        });
    }

    /** Makes Swarm run at least {@code wanted} agents of {@code service}; fails {@code handed} when it cannot. */
    private void scale(String service, int wanted, CompletableFuture<AgentHandle> handed) {
        synchronized (lock(service)) {
            scaleNow(service, wanted, handed);
        }
    }

    private void scaleNow(String service, int wanted, CompletableFuture<AgentHandle> handed) {
        try {
            // Swarm says how many run, not a number remembered here: another shell may have scaled or removed the service
            synchronized (this) {
                replicas.merge(service, wanted, Math::max);
            }
            String name = swarmService(record.name(), service);
            Service existing = find(name);
            if (existing == null) {
                try {
                    docker.createServiceCmd(spec(service, name, wanted)).exec();
                    return;
                } catch (com.github.dockerjava.api.exception.ConflictException e) {
                    existing = find(name); // another shell created it at the same moment: scale that one
                    if (existing == null) throw e;
                }
            }
            {
                Map<String, String> labels = new HashMap<>(existing.getSpec().getLabels() == null ? Map.of() : existing.getSpec().getLabels());
                labels.put(LABEL_OWNER, owner); // this shell removes it now
                var mode = existing.getSpec().getMode();
                int now = mode != null && mode.getReplicated() != null ? (int) mode.getReplicated().getReplicas() : 0;
                if (now >= wanted) {
                    synchronized (this) {
                        replicas.put(service, now);
                    }
                    return; // its agents are up or coming: they announce themselves
                }
                ServiceSpec spec = existing.getSpec().withLabels(labels).withMode(new ServiceModeConfig()
                        .withReplicated(new ServiceReplicatedModeOptions().withReplicas(wanted)));
                try {
                    docker.updateServiceCmd(existing.getId(), spec).withVersion(existing.getVersion().getIndex()).exec();
                } catch (RuntimeException e) {
                    // another shell updated it in between (its version moved on): once more with the new version
                    existing = find(name);
                    if (existing == null) throw e;
                    mode = existing.getSpec().getMode();
                    now = mode != null && mode.getReplicated() != null ? (int) mode.getReplicated().getReplicas() : 0;
                    if (now >= wanted) return;
                    docker.updateServiceCmd(existing.getId(), existing.getSpec().withLabels(labels).withMode(new ServiceModeConfig()
                            .withReplicated(new ServiceReplicatedModeOptions().withReplicas(wanted))))
                            .withVersion(existing.getVersion().getIndex()).exec();
                }
            }
        } catch (RuntimeException e) {
            synchronized (this) {
                Deque<CompletableFuture<AgentHandle>> w = waiting.get(service);
                if (w != null) w.remove(handed);
                replicas.remove(service);
            }
            handed.completeExceptionally(new IllegalStateException("Swarm cannot run service " + service + ": " + e.getMessage(), e));
        }
    }

    private Service find(String name) {
        return docker.listServicesCmd().withNameFilter(List.of(name)).exec().stream()
                .filter(s -> name.equals(s.getSpec().getName())).findFirst().orElse(null);
    }

    private ServiceSpec spec(String service, String name, int wanted) {
        String image = imageOf.apply(service);
        Map<String, String> labels = Map.of(ClusterSetup.LABEL_CLUSTER, record.name(), ClusterSetup.LABEL_KIND, "stage",
                ClusterSetup.LABEL_SERVICE, service, LABEL_OWNER, owner);
        return new ServiceSpec().withName(name).withLabels(labels)
                .withTaskTemplate(new TaskSpec()
                        .withContainerSpec(new ContainerSpec().withImage(image).withLabels(Map.of(ClusterSetup.LABEL_CLUSTER, record.name()))
                                .withEnv(List.of(
                                        StreamProtocol.ENV_ROUTER + "=" + record.routerUrlForAgents(),
                                        StreamProtocol.ENV_REALM + "=" + StreamProtocol.REALM,
                                        StreamProtocol.ENV_STAGE + "=" + stagePrefix(service) + "{{.Task.Slot}}",
                                        StreamProtocol.ENV_AUTHID + "=" + PipesRouter.AUTHID,
                                        StreamProtocol.ENV_TICKET + "=" + record.ticket(),
                                        StreamProtocol.ENV_PROTOCOL + "=" + StreamProtocol.VERSION)))
                        .withRestartPolicy(new ServiceRestartPolicy().withCondition(ServiceRestartCondition.ANY).withDelay(500_000_000L))
                        .withNetworks(List.of(new NetworkAttachmentConfig().withTarget(record.network()))))
                .withMode(new ServiceModeConfig().withReplicated(new ServiceReplicatedModeOptions().withReplicas(wanted)))
                .withEndpointSpec(new EndpointSpec().withMode(EndpointResolutionMode.DNSRR));
    }

    /** An agent announced itself (new, its task restarted, or given back by a shell): a waiting pipeline claims it, or it waits idle. */
    private void announced(String stage, Map<String, Object> kw) {
        String service;
        synchronized (this) {
            service = serviceOf(stage);
            if (service == null) return;
            ready.put(stage, Map.copyOf(kw));
            elsewhere.remove(stage);
            if (claiming.containsKey(stage)) claiming.put(stage, true);
        }
        offer(service, stage);
    }

    /** A ready agent that no pipeline of this shell holds: the first waiting pipeline claims it, or it waits idle. */
    private void offer(String service, String stage) {
        CompletableFuture<AgentHandle> taker = null;
        synchronized (this) {
            if (closed || !ready.containsKey(stage)) return;
            if (busy.contains(stage)) return; // a restarted task of a running stage: its pipeline fails, then releases it
            Deque<String> free = idle.computeIfAbsent(service, k -> new ArrayDeque<>());
            if (free.contains(stage)) return;
            Deque<CompletableFuture<AgentHandle>> w = waiting.get(service);
            while (w != null && !w.isEmpty() && taker == null) {
                CompletableFuture<AgentHandle> next = w.poll();
                if (!next.isDone()) taker = next;
            }
            if (taker == null) {
                free.add(stage);
                return;
            }
            busy.add(stage);
            claiming.put(stage, false);
        }
        claim(service, stage, taker);
    }

    /** Another shell's pipeline holds {@code stage}: it is not idle here until the router announces it again. */
    private void claimedElsewhere(String stage) {
        synchronized (this) {
            if (busy.contains(stage)) return; // ours (or our claim's answer is on its way)
            String service = serviceOf(stage);
            if (service != null && idle.containsKey(service)) idle.get(service).remove(stage);
            elsewhere.add(stage);
        }
    }

    private void gone(String stage) {
        synchronized (this) {
            ready.remove(stage);
            elsewhere.remove(stage);
            String service = serviceOf(stage);
            if (service != null && idle.containsKey(service)) idle.get(service).remove(stage);
        }
    }

    /** The service whose agents' ids start like {@code stage}, among those this cluster has images of. */
    private String serviceOf(String stage) {
        if (!stage.startsWith("c_")) return null;
        int slot = stage.lastIndexOf('_');
        int hash = stage.lastIndexOf('_', slot - 1);
        if (slot < 0 || hash < 2) return null;
        String sanitized = stage.substring(2, hash);
        for (String candidate : knownServices()) {
            if (candidate.replace('-', '_').equals(sanitized) && stage.startsWith(stagePrefix(candidate))) return candidate;
        }
        return sanitized; // a service named without '-' maps back as it is
    }

    private Set<String> knownServices() {
        Set<String> names = new HashSet<>(waiting.keySet());
        names.addAll(replicas.keySet());
        names.addAll(idle.keySet());
        return names;
    }

    /**
     * A pipeline is done with {@code stage}: the router is told first (other shells may take it
     * then), and only once it answered is the agent idle here, so that this shell's next claim
     * cannot reach the router before the release did.
     */
    private void release(String service, String stage) {
        synchronized (this) {
            lastUse.put(service, System.nanoTime());
            releasing.add(stage);
        }
        unclaim(stage).whenComplete((r, e) -> {
            synchronized (this) {
                releasing.remove(stage);
                busy.remove(stage);
                lastUse.put(service, System.nanoTime());
            }
            offer(service, stage);
            scaleForWaiting(service); // it went away meanwhile: the pipeline that waited for it needs Swarm after all
        });
    }

    /** Has Swarm run an agent for each pipeline of {@code service} still waiting that no released agent will serve. */
    private void scaleForWaiting(String service) {
        CompletableFuture<AgentHandle> first;
        int wanted;
        synchronized (this) {
            String prefix = stagePrefix(service);
            List<CompletableFuture<AgentHandle>> queued = waiting.getOrDefault(service, new ArrayDeque<>()).stream().filter(f -> !f.isDone()).toList();
            if (queued.isEmpty() || releasing.stream().filter(s -> s.startsWith(prefix)).count() >= queued.size()) return;
            first = queued.get(0);
            wanted = wanted(service);
        }
        swarm.execute(() -> scale(service, wanted, first));
    }

    /** Gives {@code stage} back to the router's directory; completes when the router answered (or failed to). */
    private CompletableFuture<?> unclaim(String stage) {
        try {
            return control.call(ClusterRouterMain.UNCLAIM, Options.Call.DEFAULT, List.of(stage), Map.of()).result()
                    .handle((r, e) -> null);
        } catch (RuntimeException e) {
            return CompletableFuture.completedFuture(null);
        }
    }

    /** Removes the Swarm services whose agents have all been idle for {@link #idleMillis}. */
    private void removeIdle() {
        List<String> stale;
        synchronized (this) {
            if (closed) return;
            long now = System.nanoTime();
            stale = replicas.keySet().stream().filter(s -> !hasBusy(s) && !waiting.getOrDefault(s, new ArrayDeque<>()).stream().anyMatch(f -> !f.isDone())
                    && now - lastUse.getOrDefault(s, now) > TimeUnit.MILLISECONDS.toNanos(idleMillis)).toList();
        }
        for (String s : stale) remove(s);
    }

    private boolean hasBusy(String service) {
        return busy.stream().anyMatch(stage -> stage.startsWith(stagePrefix(service)));
    }

    /** Removes the Swarm service of {@code service} and forgets its agents. */
    private void remove(String service) {
        synchronized (this) {
            replicas.remove(service);
            idle.remove(service);
            ready.keySet().removeIf(stage -> stage.startsWith(stagePrefix(service)));
        }
        swarm.execute(() -> {
            synchronized (lock(service)) {
                try {
                    Service s = find(swarmService(record.name(), service));
                    if (s != null) docker.removeServiceCmd(s.getId()).exec();
                } catch (NotFoundException e) {
                    // removed already
                } catch (RuntimeException e) {
                    // leave removes what is left
                }
            }
        });
    }

    /** An agent handed to one pipeline. */
    private final class Agent implements AgentHandle {
        private final String service;
        private final String stage;
        private final Map<String, Object> announced;
        private boolean done;

        Agent(String service, String stage, Map<String, Object> announced) {
            this.service = service;
            this.stage = stage;
            this.announced = announced;
        }

        @Override
        public String stageId() {
            return stage;
        }

        @Override
        public int protocol() {
            return announced.get("protocol") instanceof Number n ? n.intValue() : 1;
        }

        @Override
        public List<String> endpoints() {
            return announced.get("endpoints") instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of();
        }

        /** The task of this agent's slot that ended: its node and Swarm's account of why (waits up to 3 s for Swarm to notice). */
        @Override
        public String lossDetail() {
            return SwarmRuntime.this.lossDetail(service, stage);
        }

        @Override
        public synchronized void release() {
            if (done) return;
            done = true;
            SwarmRuntime.this.release(service, stage);
        }

        /** A canceled pipeline: the agent stopped its process; its service goes when none of its agents is busy. */
        @Override
        public synchronized void stop() {
            if (done) return;
            done = true;
            boolean unused;
            synchronized (SwarmRuntime.this) {
                busy.remove(stage);
                unused = !hasBusy(service);
            }
            unclaim(stage); // the router announces it ready again (to this shell too) unless its service goes

            if (unused) remove(service);
        }
    }

    private String lossDetail(String service, String stage) {
        int slot;
        try {
            slot = Integer.parseInt(stage.substring(stage.lastIndexOf('_') + 1));
        } catch (NumberFormatException e) {
            return null;
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        try {
            Service s = find(swarmService(record.name(), service));
            if (s == null) return null;
            while (System.nanoTime() < deadline) {
                for (com.github.dockerjava.api.model.Task t : docker.listTasksCmd().withServiceFilter(s.getId()).exec()) {
                    if (t.getSlot() == null || t.getSlot() != slot || t.getStatus() == null) continue;
                    com.github.dockerjava.api.model.TaskState state = t.getStatus().getState();
                    if (state == com.github.dockerjava.api.model.TaskState.RUNNING && t.getNodeId() != null) {
                        var node = docker.listSwarmNodesCmd().withIdFilter(List.of(t.getNodeId())).exec();
                        if (!node.isEmpty() && node.get(0).getStatus() != null
                                && node.get(0).getStatus().getState() != com.github.dockerjava.api.model.SwarmNodeState.READY) {
                            return "its node " + node.get(0).getDescription().getHostname() + " is "
                                    + node.get(0).getStatus().getState().name().toLowerCase(java.util.Locale.ROOT);
                        }
                    }
                    if (state == com.github.dockerjava.api.model.TaskState.RUNNING || state == null
                            || state.ordinal() < com.github.dockerjava.api.model.TaskState.RUNNING.ordinal()) continue;
                    String why = t.getStatus().getErr() != null ? t.getStatus().getErr() : t.getStatus().getMessage();
                    String node = t.getNodeId();
                    try {
                        node = docker.listSwarmNodesCmd().withIdFilter(List.of(t.getNodeId())).exec().get(0).getDescription().getHostname();
                    } catch (RuntimeException e) {
                        // the node's id then
                    }
                    return "its container on node " + node + ": " + why;
                }
                Thread.sleep(200);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            return "Docker did not say why: " + e.getMessage();
        }
        return null;
    }

    /** Waits until the Docker calls made so far are done (the shell exits). */
    private void awaitSwarmCalls() {
        swarm.shutdown();
        try {
            swarm.awaitTermination(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Removes every Swarm service this runtime started. */
    @Override
    public void close() {
        List<String> all;
        synchronized (this) {
            closed = true;
            all = List.copyOf(replicas.keySet());
        }
        all.forEach(this::remove);
        awaitSwarmCalls();
    }
}
