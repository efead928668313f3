package dev.pipes.engine.runtime;

import dev.pipes.engine.agent.StageAgent;
import dev.pipes.wamp.client.Transport;
import dev.pipes.wamp.client.WampClient;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The embedded runtime: each stage instance gets an agent in this process, a WAMP client of its own
 * connected to the embedded router (over loopback WebSocket by default, as an agent in a cluster
 * is; or over the in-memory transport), and its executable runs as a local process.
 */
public final class LocalProcessRuntime implements Runtime {
    /** How agents reach the router. */
    public enum Link { WEBSOCKET, IN_MEMORY }

    private final Supplier<EmbeddedRouter> router;
    private final Link link;
    private final Set<AgentHandle> agents = ConcurrentHashMap.newKeySet();
    private ExternalAgents external;

    /** {@code router} is asked for the router only when the first agent starts (pipesh starts it lazily). */
    public LocalProcessRuntime(Supplier<EmbeddedRouter> router, Link link) {
        this.router = router;
        this.link = link;
    }

    @Override
    public String placement() {
        return link == Link.WEBSOCKET ? "local process, its agent a WAMP client over loopback WebSocket"
                : "local process, its agent a WAMP client over the in-memory transport";
    }

    @Override
    public CompletableFuture<AgentHandle> start(AgentLaunch launch) {
        EmbeddedRouter r = router.get();
        if (launch.nativeAgent()) {
            return external(r).start(launch.stageId(), launch.executable()).thenApply(process -> {
                AgentHandle handle = new ProcessHandle(launch.stageId(), process);
                agents.add(handle);
                return handle;
            });
        }
        Transport transport = link == Link.WEBSOCKET ? r.webSocketTransport() : r.inMemoryTransport();
        WampClient client = r.client(transport);
        // the agent runs its service's executable whatever a caller puts in argv[0]
        return client.connect()
                .thenCompose(session -> StageAgent.start(client, launch.stageId(), launch.executable().toString()))
                .<AgentHandle>thenApply(agent -> {
                    AgentHandle handle = new Handle(agent, client);
                    agents.add(handle);
                    return handle;
                })
                .whenComplete((h, e) -> {
                    if (e != null) client.leave();
                });
    }

    private synchronized ExternalAgents external(EmbeddedRouter r) {
        if (external == null) external = new ExternalAgents(r);
        return external;
    }

    /** An agent that is a process of its own: stopping it stops the process and what it started. */
    private final class ProcessHandle implements AgentHandle {
        private final String stageId;
        private final Process process;

        ProcessHandle(String stageId, Process process) {
            this.stageId = stageId;
            this.process = process;
        }

        @Override
        public String stageId() {
            return stageId;
        }

        @Override
        public void stop() {
            agents.remove(this);
            process.descendants().forEach(java.lang.ProcessHandle::destroy);
            process.destroy();
            process.onExit().orTimeout(500, java.util.concurrent.TimeUnit.MILLISECONDS).exceptionally(e -> {
                process.descendants().forEach(java.lang.ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                return process;
            });
        }
    }

    private final class Handle implements AgentHandle {
        private final StageAgent agent;
        private final WampClient client;
        private volatile boolean stopped;

        Handle(StageAgent agent, WampClient client) {
            this.agent = agent;
            this.client = client;
        }

        @Override
        public String stageId() {
            return agent.stageId();
        }

        @Override
        public void stop() {
            if (stopped) return;
            stopped = true;
            agents.remove(this);
            agent.close();
            client.leave();
        }
    }

    @Override
    public void close() {
        for (AgentHandle agent : agents) agent.stop();
        synchronized (this) {
            if (external != null) external.close();
        }
    }
}
