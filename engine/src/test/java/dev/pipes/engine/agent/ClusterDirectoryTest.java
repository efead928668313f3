package dev.pipes.engine.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pipes.engine.stream.PipesRouter;
import dev.pipes.engine.stream.StreamProtocol;
import dev.pipes.wamp.client.CallResult;
import dev.pipes.wamp.client.Options;
import dev.pipes.wamp.client.WampClient;
import dev.pipes.wamp.client.WampException;
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

/** The cluster router's agent directory: an agent is granted to one claimant at a time. */
@Timeout(60)
class ClusterDirectoryTest {
    PipesRouter router;
    WampClient directory;
    WampClient agent;
    final List<WampClient> shells = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        router = PipesRouter.start();
        directory = connect();
        ClusterRouterMain.serveDirectory(directory);
        agent = connect();
        agent.call(StreamProtocol.READY_URI, Options.Call.DEFAULT, List.of("c_svc_1_1"), Map.of("protocol", 2, "endpoints", List.of())).result()
                .get(10, TimeUnit.SECONDS);
    }

    private WampClient connect() throws Exception {
        WampClient client = router.client(router.inMemoryTransport());
        client.connect().get(10, TimeUnit.SECONDS);
        return client;
    }

    private WampClient shell() throws Exception {
        WampClient shell = connect();
        shells.add(shell);
        return shell;
    }

    @AfterEach
    void stop() {
        shells.forEach(WampClient::close);
        agent.close();
        directory.close();
        router.close();
    }

    private static CompletableFuture<CallResult> call(WampClient client, String procedure, String stage) {
        return client.call(procedure, Options.Call.DEFAULT, List.of(stage), Map.of()).result();
    }

    /** The error a call failed with, or null when it succeeded. */
    private static String outcome(CompletableFuture<CallResult> call) throws Exception {
        try {
            call.get(10, TimeUnit.SECONDS);
            return null;
        } catch (ExecutionException e) {
            return assertInstanceOf(WampException.class, e.getCause()).error();
        }
    }

    private List<Object> listed() throws Exception {
        CallResult r = directory.call(ClusterRouterMain.AGENTS, Options.Call.DEFAULT, List.of(), Map.of()).result().get(10, TimeUnit.SECONDS);
        return (List<Object>) r.kwargs().get("agents");
    }

    @Test
    void ofManyClaimsAtOnceExactlyOneIsGranted() throws Exception {
        List<WampClient> claimants = new ArrayList<>();
        for (int i = 0; i < 8; i++) claimants.add(shell());
        List<CompletableFuture<CallResult>> calls = new ArrayList<>();
        for (WampClient c : claimants) calls.add(call(c, ClusterRouterMain.CLAIM, "c_svc_1_1"));
        int granted = 0;
        for (CompletableFuture<CallResult> c : calls) {
            String error = outcome(c);
            if (error == null) granted++;
            else assertEquals(ClusterRouterMain.CLAIMED, error);
        }
        assertEquals(1, granted);
        assertEquals(List.of(), listed(), "a claimed agent is not listed as ready");
    }

    @Test
    void anUnclaimedAgentIsReadyAgainForOthersOnlyWhenItsHolderGivesItBack() throws Exception {
        WampClient a = shell();
        WampClient b = shell();
        CompletableFuture<Object> readyAgain = new CompletableFuture<>();
        b.subscribe(ClusterRouterMain.AGENT_READY, Options.Subscribe.DEFAULT, e -> readyAgain.complete(e.args().get(0))).get(10, TimeUnit.SECONDS);
        assertEquals(null, outcome(call(a, ClusterRouterMain.CLAIM, "c_svc_1_1")));
        call(b, ClusterRouterMain.UNCLAIM, "c_svc_1_1").get(10, TimeUnit.SECONDS); // not b's to give back
        assertEquals(ClusterRouterMain.CLAIMED, outcome(call(b, ClusterRouterMain.CLAIM, "c_svc_1_1")));
        call(a, ClusterRouterMain.UNCLAIM, "c_svc_1_1").get(10, TimeUnit.SECONDS);
        assertEquals("c_svc_1_1", readyAgain.get(10, TimeUnit.SECONDS));
        assertEquals(null, outcome(call(b, ClusterRouterMain.CLAIM, "c_svc_1_1")));
    }

    @Test
    void aClaimantThatLeavesGivesItsAgentsBack() throws Exception {
        WampClient a = shell();
        WampClient b = shell();
        CompletableFuture<Object> readyAgain = new CompletableFuture<>();
        b.subscribe(ClusterRouterMain.AGENT_READY, Options.Subscribe.DEFAULT, e -> readyAgain.complete(e.args().get(0))).get(10, TimeUnit.SECONDS);
        assertEquals(null, outcome(call(a, ClusterRouterMain.CLAIM, "c_svc_1_1")));
        a.close(); // a shell that died
        assertEquals("c_svc_1_1", readyAgain.get(10, TimeUnit.SECONDS));
        assertEquals(null, outcome(call(b, ClusterRouterMain.CLAIM, "c_svc_1_1")));
    }

    @Test
    void anAgentThatLeftCannotBeClaimed() throws Exception {
        WampClient a = shell();
        CompletableFuture<Object> gone = new CompletableFuture<>();
        a.subscribe(ClusterRouterMain.AGENT_GONE, Options.Subscribe.DEFAULT, e -> gone.complete(e.args().get(0))).get(10, TimeUnit.SECONDS);
        agent.close();
        assertEquals("c_svc_1_1", gone.get(10, TimeUnit.SECONDS));
        assertEquals(ClusterRouterMain.NOT_READY, outcome(call(a, ClusterRouterMain.CLAIM, "c_svc_1_1")));
        assertTrue(listed().isEmpty());
    }
}
