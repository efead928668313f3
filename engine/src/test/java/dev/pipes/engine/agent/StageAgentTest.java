package dev.pipes.engine.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pipes.engine.stream.JointInput;
import dev.pipes.engine.stream.Links;
import dev.pipes.engine.stream.OutputStreamSink;
import dev.pipes.engine.stream.PipesRouter;
import dev.pipes.engine.stream.StreamProtocol;
import dev.pipes.engine.stream.StreamReader;
import dev.pipes.wamp.client.CallHandle;
import dev.pipes.wamp.client.CallResult;
import dev.pipes.wamp.client.Options;
import dev.pipes.wamp.client.WampClient;
import dev.pipes.wamp.client.WampException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The agent as any WAMP client sees it: run calls, data calls, results, errors and INTERRUPT. */
@Timeout(30)
class StageAgentTest {
    PipesRouter router;
    Links links;
    WampClient shell;
    WampClient agentClient;
    StageAgent agent;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    StreamReader output;

    @BeforeEach
    void start() throws Exception {
        router = PipesRouter.start();
        shell = router.client(router.inMemoryTransport());
        shell.connect().get(10, TimeUnit.SECONDS);
        agentClient = router.client(router.webSocketTransport());
        agentClient.connect().get(10, TimeUnit.SECONDS);
        links = new Links(router.credentials(), agentClient);
        agent = StageAgent.start(agentClient, null, links, "t_0_0", null).get(10, TimeUnit.SECONDS);
        output = StreamReader.register("test.out", List.of(shell)).get(10, TimeUnit.SECONDS);
        // every run writes one stream: take them one after the other
        Thread.ofPlatform().daemon().start(() -> {
            while (JointInput.plain(output).copyTo(new OutputStreamSink(out, false)) == JointInput.Outcome.COMPLETE) { }
        });
    }

    @AfterEach
    void stop() {
        agent.close();
        output.close();
        links.close();
        agentClient.close();
        shell.close();
        router.close();
    }

    private CallHandle run(List<String> argv, String input) {
        RunRequest request = RunRequest.plain(argv, RunRequest.InputMode.parse(input), "test.out", null, null, null);
        return shell.call(StreamProtocol.runUri("t_0_0"), Options.Call.DEFAULT, List.of(), request.toKwargs());
    }

    private void send(long seq, String text, boolean eof) throws Exception {
        shell.call(StreamProtocol.inputUri("t_0_0"), Options.Call.DEFAULT, List.of(seq, text.getBytes(StandardCharsets.UTF_8)),
                eof ? Map.of("eof", true) : Map.of()).result().get(10, TimeUnit.SECONDS);
    }

    @Test
    void runFeedsTheInputAndAnswersWithTheExitStatus() throws Exception {
        CallHandle call = run(List.of("/bin/sh", "-c", "tr a-z A-Z; exit 5"), "stdin");
        send(0, "abc\n", false);
        send(1, "", true);
        CallResult result = call.result().get(10, TimeUnit.SECONDS);
        assertEquals(5, ((Number) result.kwargs().get("status")).intValue());
        assertEquals("ABC\n", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void theSameAgentRunsAgainWithANewStream() throws Exception {
        for (String word : List.of("one", "two")) {
            CallHandle call = run(List.of("/bin/cat"), "stdin");
            send(0, word + "\n", false);
            send(1, "", true);
            assertEquals(0, ((Number) call.result().get(10, TimeUnit.SECONDS).arg(0)).intValue());
        }
        assertEquals("one\ntwo\n", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aProcessKilledBySignalIsReportedWithTheSignalName() throws Exception {
        CallResult result = run(List.of("/bin/sh", "-c", "kill -9 $$"), "stdin").result().get(10, TimeUnit.SECONDS);
        assertEquals(137, ((Number) result.arg(0)).intValue());
        assertEquals("KILL", result.kwargs().get("signal"));
    }

    @Test
    void anExecutableThatCannotStartIsAnExecError() {
        ExecutionException e = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
                () -> run(List.of("/nonexistent/tool"), "stdin").result().get(10, TimeUnit.SECONDS));
        WampException w = assertInstanceOf(WampException.class, e.getCause());
        assertEquals(StreamProtocol.ERROR_EXEC, w.error());
        assertTrue(w.getMessage().contains("cannot execute /nonexistent/tool"), w.getMessage());
    }

    @Test
    void cancelingTheRunStopsTheProcess() throws Exception {
        CallHandle call = run(List.of("/bin/sleep", "30"), "stdin");
        Thread.sleep(300);
        long before = ProcessHandle.current().descendants().filter(p -> p.info().command().orElse("").endsWith("sleep")).count();
        assertEquals(1, before);
        call.cancel("killnowait");
        ExecutionException e = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
                () -> call.result().get(10, TimeUnit.SECONDS));
        assertEquals("wamp.error.canceled", assertInstanceOf(WampException.class, e.getCause()).error());
        long deadline = System.nanoTime() + 1_000_000_000L;
        while (System.nanoTime() < deadline && ProcessHandle.current().descendants().anyMatch(ProcessHandle::isAlive)) Thread.sleep(20);
        assertEquals(0, ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).count());
    }

    @Test
    void argsModeRunsOncePerLine() throws Exception {
        CallHandle call = run(List.of("/bin/echo", "x"), "args");
        send(0, "a b\nc", false);
        send(1, "\n", false);
        send(2, "", true);
        call.result().get(10, TimeUnit.SECONDS);
        assertEquals("x a b\nx c\n", out.toString(StandardCharsets.UTF_8));
    }
}
