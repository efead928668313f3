package dev.pipes.engine.runtime;

import dev.pipes.engine.agent.StageAgent;
import dev.pipes.engine.stream.Links;
import dev.pipes.engine.stream.PipesRouter;
import dev.pipes.engine.stream.StreamProtocol;
import dev.pipes.wamp.client.WampClient;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The embedded runtime. A wrapped service's agent runs inside pipesh: it registers its procedures
 * on the central router and its input on the shell's endpoint (no socket, no thread of its own
 * until it runs), and its executable runs as a local process. A native service's executable is an
 * agent process of its own ({@link ExternalAgents}); those are kept warm after their pipeline and
 * handed to the next pipeline of the same service (their start costs a process and a handshake).
 */
public final class LocalProcessRuntime implements Runtime {
    /** How agents in pipesh reach the routers: in memory (default), or over loopback WebSocket as in a cluster. */
    public enum Link { WEBSOCKET, IN_MEMORY }

    /** The routers and connections of the embedded plane that agents share. */
    public record Host(PipesRouter control, PipesRouter endpoint, WampClient endpointClient, Links links) {}

    private final Host host;
    private final Link link;
    private final Set<AgentHandle> agents = ConcurrentHashMap.newKeySet();
    private ExternalAgents external;
    private WampClient control;

    public LocalProcessRuntime(Host host, Link link) {
        this.host = host;
        this.link = link;
    }

    @Override
    public String placement() {
        return link == Link.WEBSOCKET ? "local process, its agent a WAMP client over loopback WebSocket"
                : "local process, its agent in pipesh";
    }

    @Override
    public CompletableFuture<AgentHandle> start(AgentLaunch launch) {
        if (launch.nativeAgent()) {
            return external().start(launch).thenApply(handle -> {
                agents.add(handle);
                return handle;
            });
        }
        WampClient client;
        try {
            client = control();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        // the agent runs its service's executable whatever a caller puts in argv[0]
        return StageAgent.start(client, host.endpointClient(), host.links(), launch.stageId(), launch.executable().toString())
                .thenApply(agent -> {
                    AgentHandle handle = new InProcess(agent);
                    agents.add(handle);
                    return handle;
                });
    }

    /** The client the agents in pipesh share for control: in memory, or a WebSocket as an agent in a cluster has. */
    private synchronized WampClient control() {
        if (control == null || !control.isConnected()) {
            WampClient c = host.control().client(link == Link.WEBSOCKET ? host.control().webSocketTransport()
                    : host.control().inMemoryTransport());
            try {
                c.connect().get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("cannot join the embedded router: " + e.getMessage(), e);
            }
            control = c;
        }
        return control;
    }

    private synchronized ExternalAgents external() {
        if (external == null) external = new ExternalAgents(host.control(), host.endpoint());
        return external;
    }

    /** An agent in pipesh: its endpoint is the shell's. */
    private final class InProcess implements AgentHandle {
        private final StageAgent agent;
        private volatile boolean stopped;

        InProcess(StageAgent agent) {
            this.agent = agent;
        }

        @Override
        public String stageId() {
            return agent.stageId();
        }

        @Override
        public int protocol() {
            return StreamProtocol.VERSION;
        }

        @Override
        public List<String> endpoints() {
            return host.endpoint().urls();
        }

        @Override
        public boolean inProcess() {
            return true;
        }

        @Override
        public void stop() {
            if (stopped) return;
            stopped = true;
            agents.remove(this);
            agent.close();
        }
    }

    @Override
    public void close() {
        for (AgentHandle agent : List.copyOf(agents)) agent.stop();
        synchronized (this) {
            if (external != null) external.close();
            if (control != null) control.leave();
        }
    }
}
