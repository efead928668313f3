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
import java.util.concurrent.ConcurrentHashMap;
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
 */
public final class ClusterRouterMain {
    /** Event: an agent is ready; args [stage], kwargs {protocol, endpoints}. */
    public static final String AGENT_READY = "pipes.runtime.agent_ready";
    /** Event: a ready agent's session left; args [stage]. */
    public static final String AGENT_GONE = "pipes.runtime.agent_gone";
    /** Procedure: the ready agents, kwargs {agents: [{stage, protocol, endpoints}]}. */
    public static final String AGENTS = "pipes.runtime.agents";
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
        Map<String, Agent> ready = new ConcurrentHashMap<>();
        client.register(StreamProtocol.READY_URI, new Options.Register("exact", "single", true), InvocationHandler.sync(call -> {
            Object stage = call.arg(0);
            if (!(stage instanceof String id) || !StreamProtocol.validId(id)) {
                throw new dev.pipes.wamp.client.WampException("pipes.error.invalid_stage", "not a stage id: " + stage);
            }
            Map<String, Object> announced = new LinkedHashMap<>();
            announced.put("protocol", call.kwargs().getOrDefault("protocol", 1));
            announced.put("endpoints", call.kwargs().getOrDefault("endpoints", List.of()));
            ready.put(id, new Agent(id, call.caller() == null ? -1 : call.caller(), announced));
            client.publish(AGENT_READY, Options.Publish.DEFAULT, List.of(id), announced);
            return CallResult.EMPTY;
        })).get(10, TimeUnit.SECONDS);
        client.register(AGENTS, InvocationHandler.sync(call -> {
            List<Object> agents = new ArrayList<>();
            for (Agent agent : ready.values()) {
                Map<String, Object> entry = new LinkedHashMap<>(agent.announced());
                entry.put("stage", agent.stage());
                agents.add(entry);
            }
            return new CallResult(List.of(), Map.of("agents", agents), Map.of());
        })).get(10, TimeUnit.SECONDS);
        client.subscribe("wamp.session.on_leave", Options.Subscribe.DEFAULT, event -> {
            Object session = event.args().isEmpty() ? null : event.args().get(0);
            if (!(session instanceof Number n)) return;
            ready.values().removeIf(agent -> {
                if (agent.session() != n.longValue()) return false;
                client.publish(AGENT_GONE, Options.Publish.DEFAULT, List.of(agent.stage()), Map.of());
                return true;
            });
        }).get(10, TimeUnit.SECONDS);
    }
}
