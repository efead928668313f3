package dev.pipes.engine.daemon.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pipes.engine.daemon.DaemonFixture;
import dev.pipes.engine.daemon.Json;
import dev.pipes.engine.verbs.PipesVerb;
import dev.pipes.engine.verbs.VerbCall;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The verbs against a daemon in this JVM (found through daemon.json, as a shell finds a daemon process). */
class DaemonVerbsTest {
    @TempDir
    Path dir;
    DaemonFixture fixture;
    Map<String, PipesVerb> verbs = new HashMap<>();

    record Result(int status, String out, String err) {}

    @BeforeEach
    void start() throws Exception {
        fixture = new DaemonFixture(dir);
        // a daemon runs already: a verb that tried to start one would fail loudly
        for (PipesVerb verb : DaemonVerbs.all(new DaemonLauncher(List.of("/bin/false")))) verbs.put(verb.name(), verb);
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    private Result pipes(String input, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Map<String, String> env = new HashMap<>(fixture.environment());
        env.put("PIPES_HOME", fixture.home.home().toString());
        VerbCall call = new VerbCall(List.of(args), new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), out, err,
                dir, env);
        int status = verbs.get(args[0]).run(call);
        return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void runPrintsIdNameApiAndTokenThenQueryPsLogsAndRm() throws Exception {
        fixture.build("complain", fixture.script("complain.sh", "echo \"complaint about $(cat)\" >&2; echo fine"));
        Result run = pipes("", "run", "-d", "--name", "sq", "cat | tr a-z A-Z | complain");
        assertEquals(0, run.status(), run.err());
        List<String> lines = run.out().lines().toList();
        assertEquals("name    sq", lines.get(1));
        assertTrue(lines.get(2).matches("api     http://127\\.0\\.0\\.1:\\d+/"), lines.get(2));
        assertTrue(lines.get(3).startsWith("token   pipes_"), lines.get(3));
        assertTrue(run.err().contains("shown only this once"), run.err());

        Result query = pipes("", "query", "--name", "sq", "hello");
        assertEquals(new Result(0, "fine\n", ""), query);
        assertEquals(new Result(0, "fine\n", ""), pipes("from stdin", "query"), "the only workflow needs no --name");

        Result ps = pipes("", "ps");
        assertEquals(0, ps.status());
        assertTrue(ps.out().startsWith("ID "), ps.out());
        assertTrue(ps.out().contains(" sq ") && ps.out().contains(" running ") && ps.out().contains("cat | tr a-z A-Z | complain"),
                ps.out());
        JsonNode json = Json.parse(pipes("", "ps", "--format", "json").out(), "ps");
        assertEquals(1, json.size());
        assertEquals(2, json.get(0).path("jobs_done").asInt());
        assertEquals("running", json.get(0).path("status").asText());

        Result logs = pipes("", "logs", "sq");
        List<String> logLines = logs.out().lines().toList();
        assertEquals(2, logLines.size(), logs.out());
        assertTrue(logLines.get(0).matches("complain\\[[a-z0-9]+\\]: complaint about HELLO"), logLines.get(0));
        assertTrue(logLines.get(1).endsWith(": complaint about FROM STDIN"), logLines.get(1));
        assertEquals(logs, pipes("", "logs", "sq", "3"), "a stage by number");
        assertEquals("", pipes("", "logs", "sq", "tr").out());

        assertEquals(new Result(0, "sq\n", ""), pipes("", "rm", "sq"));
        assertEquals("[]\n", pipes("", "ps", "-a", "--format", "json").out());
        assertEquals(1, pipes("", "rm", "sq").status());
    }

    @Test
    void aFailedJobMakesQueryExitWithItsStatusAndSayWhy() throws Exception {
        pipes("", "run", "-d", "--name", "f", "cat | sh -c 'cat >/dev/null; echo broken >&2; exit 7'");
        Result query = pipes("", "query", "x");
        assertEquals(7, query.status());
        assertEquals("pipesh: pipes query: job ", query.err().substring(0, 25));
        assertTrue(query.err().endsWith(" failed: stage 2 (sh) exited with status 7: broken\n"), query.err());
    }

    @Test
    void mistakesAreUsageErrorsThatSayWhat() {
        Result noDetach = pipes("", "run", "cat");
        assertEquals(2, noDetach.status());
        assertTrue(noDetach.err().contains("add -d"), noDetach.err());
        Result syntax = pipes("", "run", "-d", "cat |");
        assertEquals(1, syntax.status());
        assertTrue(syntax.err().startsWith("pipesh: pipes run: pipeline:1:6: "), syntax.err());
        Result missing = pipes("", "run", "-d", "cat | nosuchcommand-xyz");
        assertTrue(missing.err().contains("stage 2: nosuchcommand-xyz: command not found"), missing.err());
        assertEquals(2, pipes("", "ps", "--format", "yaml").status());
        assertEquals(2, pipes("", "run", "-d", "--concurrency", "many", "cat").status());
        Result noWorkflow = pipes("", "query", "x");
        assertTrue(noWorkflow.err().contains("no workflow is deployed"), noWorkflow.err());
    }

    @Test
    void runWithJsonPrintsOneObject() {
        Result run = pipes("", "run", "-d", "--format", "json", "--no-token", "cat");
        JsonNode node = Json.parse(run.out(), "run");
        assertTrue(node.path("token").isNull());
        assertTrue(node.path("api").asText().startsWith("http://127.0.0.1:"));
        assertEquals(List.of("id", "name", "api", "address", "token"), fields(node));
    }

    @Test
    void rmWorksWithTheDaemonStopped() throws Exception {
        pipes("", "run", "-d", "--name", "gone", "cat");
        pipes("", "query", "x");
        fixture.daemon().close();
        Result ps = pipes("", "ps");
        assertTrue(ps.err().contains("the pipes daemon is not running; 1 workflow(s) recorded"), ps.err());
        assertTrue(pipes("", "ps", "-a").out().contains(" stopped "));
        assertEquals(new Result(0, "gone\n", ""), pipes("", "rm", "gone"));
        assertTrue(pipes("", "ps", "-a").out().lines().count() == 1);
        assertTrue(Files.notExists(fixture.home.store().resolve("workflows")) || isEmpty(fixture.home.store().resolve("workflows")));
    }

    private static boolean isEmpty(Path dir) throws java.io.IOException {
        try (var entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        }
    }

    private static List<String> fields(JsonNode node) {
        List<String> out = new ArrayList<>();
        node.fieldNames().forEachRemaining(out::add);
        return out;
    }
}
