package dev.pipes.docker.swarm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pipes.docker.cluster.ClusterRecord;
import dev.pipes.engine.agent.ClusterRouterMain;
import dev.pipes.engine.runtime.AgentHandle;
import dev.pipes.engine.runtime.AgentLaunch;
import dev.pipes.engine.stream.PipesRouter;
import dev.pipes.engine.stream.StreamProtocol;
import dev.pipes.wamp.client.Options;
import dev.pipes.wamp.client.WampClient;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Two shells (two runtimes, each with its own session on one router) share the idle agents of a
 * service: each agent goes to one pipeline only. Without Docker: no runtime here may need Swarm,
 * except where the test says so (then it fails to reach it, as it should).
 */
@Timeout(60)
class SwarmRuntimeClaimTest {
    static final ClusterRecord RECORD = new ClusterRecord("t", "unix:///nowhere.sock", false, "pipes-t", "pipes-t-router",
            "ws://127.0.0.1:1/", "ticket", "", "", "", "pipes-agent:x", "", "", List.of(), List.of(), List.of());
    PipesRouter router;
    final List<WampClient> clients = new ArrayList<>();
    final List<SwarmRuntime> runtimes = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        router = PipesRouter.start();
        ClusterRouterMain.serveDirectory(connect());
    }

    @AfterEach
    void stop() {
        runtimes.forEach(SwarmRuntime::close);
        clients.forEach(WampClient::close);
        router.close();
    }

    private WampClient connect() throws Exception {
        WampClient client = router.client(router.inMemoryTransport());
        client.connect().get(10, TimeUnit.SECONDS);
        clients.add(client);
        return client;
    }

    /** An agent of service svc in task slot {@code slot} that announces itself. */
    private String agent(int slot) throws Exception {
        String stage = SwarmRuntime.stagePrefix("svc") + slot;
        connect().call(StreamProtocol.READY_URI, Options.Call.DEFAULT, List.of(stage), Map.of("protocol", 2, "endpoints", List.of()))
                .result().get(10, TimeUnit.SECONDS);
        return stage;
    }

    private SwarmRuntime shell(String owner) throws Exception {
        SwarmRuntime runtime = new SwarmRuntime(RECORD, null, connect(), service -> "pipes-t-" + service, 300_000, owner);
        runtimes.add(runtime);
        return runtime;
    }

    private static CompletableFuture<AgentHandle> start(SwarmRuntime runtime) {
        return runtime.start(new AgentLaunch("ignored", "svc", Path.of("/bin/cat"), false));
    }

    @Test
    void twoShellsStartingAtOnceGetTwoDifferentAgents() throws Exception {
        String first = agent(1);
        String second = agent(2);
        SwarmRuntime a = shell("a");
        SwarmRuntime b = shell("b");
        // both see the same idle agents in the same order: without the router's grant, both take the first
        CompletableFuture<AgentHandle> x = start(a);
        CompletableFuture<AgentHandle> y = start(b);
        String gotX = x.get(10, TimeUnit.SECONDS).stageId();
        String gotY = y.get(10, TimeUnit.SECONDS).stageId();
        assertNotEquals(gotX, gotY);
        assertEquals(List.of(first, second), List.of(gotX, gotY).stream().sorted().toList());
    }

    @Test
    void twoShellsRacingRoundAfterRoundNeverShareAnAgent() throws Exception {
        agent(1);
        agent(2);
        SwarmRuntime a = shell("a");
        SwarmRuntime b = shell("b");
        java.util.concurrent.ExecutorService two = java.util.concurrent.Executors.newFixedThreadPool(2); // both wait at the barrier
        for (int round = 0; round < 40; round++) {
            java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(2);
            CompletableFuture<AgentHandle> x = CompletableFuture.supplyAsync(() -> startTogether(a, together), two);
            CompletableFuture<AgentHandle> y = CompletableFuture.supplyAsync(() -> startTogether(b, together), two);
            AgentHandle hx = x.get(10, TimeUnit.SECONDS);
            AgentHandle hy = y.get(10, TimeUnit.SECONDS);
            assertNotEquals(hx.stageId(), hy.stageId(), "round " + round);
            hx.release();
            hy.release();
        }
        two.shutdown();
    }

    private static AgentHandle startTogether(SwarmRuntime runtime, java.util.concurrent.CyclicBarrier together) {
        try {
            together.await(10, TimeUnit.SECONDS);
            return start(runtime).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void anAgentAnotherShellHoldsIsNotHandedOutButAsksSwarmForOneMore() throws Exception {
        agent(1);
        SwarmRuntime a = shell("a");
        SwarmRuntime b = shell("b");
        AgentHandle held = start(a).get(10, TimeUnit.SECONDS);
        // b's only idle agent is held by a: b must scale the service up (here: there is no Docker to ask)
        ExecutionException e = assertThrows(ExecutionException.class, () -> start(b).get(10, TimeUnit.SECONDS));
        assertInstanceOf(IllegalStateException.class, e.getCause());
        assertTrue(e.getCause().getMessage().startsWith("Swarm cannot run service svc"), e.getCause().getMessage());
        held.release();
        // given back, the agent is b's to take (once the router has announced it again)
        AgentHandle taken = null;
        for (int i = 0; i < 100 && taken == null; i++) {
            try {
                taken = start(b).get(10, TimeUnit.SECONDS);
            } catch (ExecutionException notYet) {
                Thread.sleep(50);
            }
        }
        assertEquals(held.stageId(), taken == null ? null : taken.stageId());
    }

    @Test
    void aReleasedAgentServesTheSameShellsNextPipeline() throws Exception {
        agent(1);
        SwarmRuntime a = shell("a");
        for (int i = 0; i < 20; i++) {
            AgentHandle h = start(a).get(10, TimeUnit.SECONDS);
            h.release();
        }
    }
}
