package dev.pipes.engine.agent;

import dev.pipes.engine.stream.PipesRouter;
import dev.pipes.engine.stream.StreamProtocol;
import dev.pipes.wamp.client.CallResult;
import dev.pipes.wamp.client.InvocationHandler;
import dev.pipes.wamp.client.Options;
import dev.pipes.wamp.client.WampClient;
import dev.pipes.wamp.transport.netty.IoTransport;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The central router of a cluster, as its container runs it: pipes' router (ticket
 * $PIPES_TICKET, authid {@link PipesRouter#AUTHID}) on every address at $PIPES_ROUTER_PORT
 * (default 8080), and the cluster's directory of ready agents. In a cluster, agents outlive the
 * pipelines and the shells that asked for them (they are Swarm tasks kept warm), so readiness
 * cannot be a call into one shell: the router answers {@link StreamProtocol#READY_URI} itself,
 * remembers each ready agent until its session leaves, publishes
 * {@value #AGENT_READY} / {@value #AGENT_GONE}, and lists the ready ones at {@value #AGENTS}.
 *
 * <p>The directory is also where an agent is handed to exactly one pipeline: several shells follow
 * the same announcements, and two of them taking the same idle agent would both call its {@code run}
 * (the second one refused). A shell {@value #CLAIM}s an agent before it uses it; the router grants
 * each agent to one claimant at a time, publishes {@value #AGENT_CLAIMED} so that the other shells
 * stop counting it as idle, and announces it ready again ({@value #AGENT_READY}) when the claimant
 * {@value #UNCLAIM}s it or its session leaves (a shell that died does not keep agents).
 */
public final class ClusterRouterMain {
    /** Event: an agent is ready; args [stage], kwargs {protocol, endpoints}. */
    public static final String AGENT_READY = "pipes.runtime.agent_ready";
    /** Event: a ready agent's session left; args [stage]. */
    public static final String AGENT_GONE = "pipes.runtime.agent_gone";
    /** Procedure: the ready agents, kwargs {agents: [{stage, protocol, endpoints}]}. */
    public static final String AGENTS = "pipes.runtime.agents";
    /** Procedure: hands the ready agent args [stage] to the caller, or fails with {@value #CLAIMED} / {@value #NOT_READY}. */
    public static final String CLAIM = "pipes.runtime.claim";
    /** Procedure: the caller gives back the agent args [stage] it claimed; it is announced ready again. */
    public static final String UNCLAIM = "pipes.runtime.unclaim";
    /** Event: an agent was claimed; args [stage]. */
    public static final String AGENT_CLAIMED = "pipes.runtime.agent_claimed";
    /** Error of {@value #CLAIM}: another claimant holds the agent. */
    public static final String CLAIMED = "pipes.error.claimed";
    /** Error of {@value #CLAIM}: no agent of that id is ready (it went away). */
    public static final String NOT_READY = "pipes.error.not_ready";
    public static final String ENV_PORT = "PIPES_ROUTER_PORT";

    private ClusterRouterMain() {}

    public static void main(String[] args) throws Exception {
        IoTransport.useProductionSettings();
        String ticket = System.getenv(StreamProtocol.ENV_TICKET);
        if (ticket == null || ticket.isBlank()) {
            System.err.println("pipes-router: " + StreamProtocol.ENV_TICKET + " must be set");
            System.exit(2);
        }
        int port = Integer.parseInt(System.getenv().getOrDefault(ENV_PORT, "8080"));
        PipesRouter router = PipesRouter.start(PipesRouter.AUTHID, ticket);
        router.listen("0.0.0.0", port, null);
        WampClient directory = router.client(router.inMemoryTransport());
        directory.connect().get(10, TimeUnit.SECONDS);
        serveDirectory(directory);
        System.err.println("pipes-router: serving realm " + StreamProtocol.REALM + " on port " + port);
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            directory.leave();
            router.close();
            stop.countDown();
        }));
        stop.await();
    }

    /** What one ready agent announced, and the session it announced it from. */
    private record Agent(String stage, long session, Map<String, Object> announced) {}

    /** Registers the readiness procedure and the directory on {@code client} (a client of the router itself). */
    public static void serveDirectory(WampClient client) throws Exception {
        Directory directory = new Directory();
        client.register(StreamProtocol.READY_URI, new Options.Register("exact", "single", true), InvocationHandler.sync(call -> {
            Object stage = call.arg(0);
            if (!(stage instanceof String id) || !StreamProtocol.validId(id)) {
                throw new dev.pipes.wamp.client.WampException("pipes.error.invalid_stage", "not a stage id: " + stage);
            }
            Map<String, Object> announced = new LinkedHashMap<>();
            announced.put("protocol", call.kwargs().getOrDefault("protocol", 1));
            announced.put("endpoints", call.kwargs().getOrDefault("endpoints", List.of()));
            directory.ready(new Agent(id, call.caller() == null ? -1 : call.caller(), announced));
            client.publish(AGENT_READY, Options.Publish.DEFAULT, List.of(id), announced);
            return CallResult.EMPTY;
        })).get(10, TimeUnit.SECONDS);
        client.register(AGENTS, InvocationHandler.sync(call -> {
            List<Object> agents = new ArrayList<>();
            for (Agent agent : directory.unclaimed()) {
                Map<String, Object> entry = new LinkedHashMap<>(agent.announced());
                entry.put("stage", agent.stage());
                agents.add(entry);
            }
            return new CallResult(List.of(), Map.of("agents", agents), Map.of());
        })).get(10, TimeUnit.SECONDS);
        client.register(CLAIM, new Options.Register("exact", "single", true), InvocationHandler.sync(call -> {
            String stage = String.valueOf(call.arg(0));
            String refused = directory.claim(stage, claimant(call));
            if (refused != null) {
                throw new dev.pipes.wamp.client.WampException(refused, (refused.equals(CLAIMED) ? "another pipeline took agent "
                        : "no ready agent ") + stage);
            }
            client.publish(AGENT_CLAIMED, Options.Publish.DEFAULT, List.of(stage), Map.of());
            return CallResult.EMPTY;
        })).get(10, TimeUnit.SECONDS);
        client.register(UNCLAIM, new Options.Register("exact", "single", true), InvocationHandler.sync(call -> {
            Agent freed = directory.unclaim(String.valueOf(call.arg(0)), claimant(call));
            if (freed != null) client.publish(AGENT_READY, Options.Publish.DEFAULT, List.of(freed.stage()), freed.announced());
            return CallResult.EMPTY;
        })).get(10, TimeUnit.SECONDS);
        client.subscribe("wamp.session.on_leave", Options.Subscribe.DEFAULT, event -> {
            Object session = event.args().isEmpty() ? null : event.args().get(0);
            if (!(session instanceof Number n)) return;
            Directory.Left left = directory.left(n.longValue());
            for (Agent agent : left.gone()) client.publish(AGENT_GONE, Options.Publish.DEFAULT, List.of(agent.stage()), Map.of());
            for (Agent agent : left.freed()) client.publish(AGENT_READY, Options.Publish.DEFAULT, List.of(agent.stage()), agent.announced());
        }).get(10, TimeUnit.SECONDS);
    }

    /** The claimant of a call: its session (disclosed), or -1 where the router does not say. */
    private static long claimant(dev.pipes.wamp.client.Invocation call) {
        return call.caller() == null ? -1 : call.caller();
    }

    /**
     * The ready agents and who holds each: every change under one lock, so that of two claims of
     * one agent exactly one is granted.
     */
    static final class Directory {
        private final Map<String, Agent> ready = new LinkedHashMap<>();
        private final Map<String, Long> claims = new java.util.HashMap<>();

        /** What a session's leaving changed: the agents it was (gone), the agents it held (ready again). */
        record Left(List<Agent> gone, List<Agent> freed) {}

        synchronized void ready(Agent agent) {
            Agent before = ready.put(agent.stage(), agent);
            // a restarted task announces the same id from a new session: the old claim ended with the old one
            if (before != null && before.session() != agent.session()) claims.remove(agent.stage());
        }

        synchronized List<Agent> unclaimed() {
            return ready.values().stream().filter(a -> !claims.containsKey(a.stage())).toList();
        }

        /** Grants {@code stage} to {@code claimant}; null, or the error why not. */
        synchronized String claim(String stage, long claimant) {
            if (!ready.containsKey(stage)) return NOT_READY;
            Long holder = claims.putIfAbsent(stage, claimant);
            return holder == null ? null : CLAIMED;
        }

        /** Gives {@code stage} back (only its claimant can); the agent ready again, or null. */
        synchronized Agent unclaim(String stage, long claimant) {
            Long holder = claims.get(stage);
            if (holder == null || holder != claimant) return null;
            claims.remove(stage);
            return ready.get(stage);
        }

        synchronized Left left(long session) {
            List<Agent> gone = new ArrayList<>();
            List<Agent> freed = new ArrayList<>();
            ready.values().removeIf(agent -> {
                if (agent.session() != session) return false;
                gone.add(agent);
                claims.remove(agent.stage());
                return true;
            });
            claims.entrySet().removeIf(claim -> {
                if (claim.getValue() != session) return false;
                Agent agent = ready.get(claim.getKey());
                if (agent != null) freed.add(agent);
                return true;
            });
            return new Left(gone, freed);
        }
    }
}
