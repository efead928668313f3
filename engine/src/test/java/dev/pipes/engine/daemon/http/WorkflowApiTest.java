package dev.pipes.engine.daemon.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pipes.engine.daemon.Daemon;
import dev.pipes.engine.daemon.DaemonFixture;
import dev.pipes.engine.daemon.Json;
import dev.pipes.engine.daemon.Limits;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A workflow's HTTP API over loopback, end to end: the daemon, Netty, the interpreter, real processes. */
class WorkflowApiTest {
    @TempDir
    Path dir;
    DaemonFixture fixture;

    @BeforeEach
    void start() throws Exception {
        fixture = new DaemonFixture(dir);
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    private static JsonNode json(HttpResponse<String> response) {
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"),
                "not JSON: " + response.headers().map() + " " + response.body());
        return Json.parse(response.body(), "the answer");
    }

    /** Every error is JSON with a message. */
    private static void assertError(int status, HttpResponse<String> response, String fragment) {
        assertEquals(status, response.statusCode(), response.body());
        JsonNode body = json(response);
        assertTrue(body.path("error").asText().contains(fragment), body.toString());
        assertEquals(status, body.path("status").asInt());
    }

    @Test
    void aFormQueryGivesAJobIdWhoseResultTheJobsPathGives() throws Exception {
        Daemon.Deployed wf = fixture.deploy("cat | tr a-z A-Z | sort");
        HttpResponse<String> posted = fixture.postForm(wf.api(), wf.token(), "query=b%0Aa%0A");
        assertEquals(202, posted.statusCode(), posted.body());
        String id = posted.body().strip();
        assertEquals("/jobs/" + id, posted.headers().firstValue("Location").orElseThrow());
        HttpResponse<String> result = fixture.get(wf.api() + "jobs/" + id + "/?wait=1", wf.token());
        assertEquals(200, result.statusCode(), result.body());
        assertEquals("A\nB\n", result.body());
        assertEquals("done", result.headers().firstValue("Pipes-Job-Status").orElseThrow());
    }

    @Test
    void jsonByContentNegotiationWithEachStagesStatus() throws Exception {
        Daemon.Deployed wf = fixture.deploy("cat | tr a-z A-Z | sh -c 'cat; echo note >&2'");
        HttpResponse<String> answer = fixture.send("POST", wf.api() + "?wait=1", wf.token(),
                Map.of("Content-Type", "application/json", "Accept", "application/json"),
                "{\"query\": \"hello\\n\"}".getBytes(StandardCharsets.UTF_8));
        assertEquals(200, answer.statusCode(), answer.body());
        JsonNode job = json(answer);
        assertEquals("done", job.path("status").asText());
        assertEquals(0, job.path("exit_status").asInt());
        assertEquals("HELLO\n", job.path("result").asText());
        assertEquals(3, job.path("stages").size());
        assertEquals("tr", job.path("stages").get(1).path("name").asText());
        assertEquals(0, job.path("stages").get(2).path("status").asInt());
        assertEquals("note\n", job.path("stages").get(2).path("stderr_tail").asText());
        HttpResponse<String> again = fixture.get(wf.api() + "jobs/" + job.path("id").asText(), wf.token(), "Accept", "application/json");
        assertEquals("HELLO\n", json(again).path("result").asText());
    }

    @Test
    void outputThatIsNotUtf8ComesBackByteExact() throws Exception {
        Daemon.Deployed wf = fixture.deploy("cat");
        byte[] bytes = {0, (byte) 0xff, (byte) 0xc3, 0x28, '\n'};
        HttpResponse<String> answer = fixture.send("POST", wf.api() + "?wait=1", wf.token(),
                Map.of("Content-Type", "application/octet-stream", "Accept", "application/json"), bytes);
        assertEquals("AP/DKAo=", json(answer).path("result_base64").asText());
    }

    @Test
    void theOutputStreamsWhileTheJobRuns() throws Exception {
        Path gate = dir.resolve("gate");
        Daemon.Deployed wf = fixture.deploy("cat | sh -c 'cat; while [ ! -e " + gate + " ]; do sleep 0.02; done; echo second'");
        String id = fixture.postForm(wf.api(), wf.token(), "query=first").body().strip();
        HttpRequest request = HttpRequest.newBuilder(URI.create(wf.api() + "jobs/" + id + "/output"))
                .header("Authorization", "Bearer " + wf.token()).build();
        HttpResponse<InputStream> stream = fixture.http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, stream.statusCode());
        try (InputStream in = stream.body()) {
            byte[] first = in.readNBytes(5);
            assertEquals("first", new String(first, StandardCharsets.UTF_8));
            JsonNode running = json(fixture.get(wf.api() + "jobs/" + id, wf.token(), "Accept", "application/json"));
            assertEquals("running", running.path("status").asText(), "the first bytes came before the job's end");
            Files.createFile(gate);
            assertEquals("second\n", new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void deleteCancelsARunningJobAndStopsItsProcesses() throws Exception {
        Daemon.Deployed wf = fixture.deploy("cat | sh -c 'echo started; exec sleep 60.4242'");
        String id = fixture.postForm(wf.api(), wf.token(), "query=x").body().strip();
        HttpRequest request = HttpRequest.newBuilder(URI.create(wf.api() + "jobs/" + id + "/output"))
                .header("Authorization", "Bearer " + wf.token()).build();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(
                fixture.http.send(request, HttpResponse.BodyHandlers.ofInputStream()).body(), StandardCharsets.UTF_8))) {
            assertEquals("started", out.readLine());
            assertFalse(DaemonFixture.processesMentioning("60.4242").isEmpty());
            HttpResponse<String> canceled = fixture.send("DELETE", wf.api() + "jobs/" + id, wf.token(), Map.of(), null);
            assertEquals(200, canceled.statusCode(), canceled.body());
            assertEquals("canceled", json(canceled).path("status").asText());
            assertEquals(null, out.readLine(), "the output ends with the job");
        }
        awaitNoProcess("60.4242");
        assertError(409, fixture.send("DELETE", wf.api() + "jobs/" + id, wf.token(), Map.of(), null), "already ended");
        assertError(410, fixture.get(wf.api() + "jobs/" + id, wf.token()), "was canceled");
    }

    @Test
    void aStageKilledMidJobFailsTheJobNamingItAndLaterQueriesSucceed() throws Exception {
        Path pidFile = dir.resolve("victim.pid");
        fixture.build("victim", fixture.script("victim.sh",
                "read line\nif [ \"$line\" = hang ]; then echo $$ > " + pidFile + ".tmp; mv " + pidFile + ".tmp " + pidFile
                        + "; exec sleep 60.5151; fi\necho \"ok:$line\""));
        Daemon.Deployed wf = fixture.deploy("cat | victim | cat");
        String id = fixture.postForm(wf.api(), wf.token(), "query=hang").body().strip();
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!Files.exists(pidFile) && System.nanoTime() < deadline) Thread.sleep(10);
        long pid = Long.parseLong(Files.readString(pidFile).strip());
        assertTrue(ProcessHandle.of(pid).orElseThrow().destroyForcibly());
        JsonNode failed = json(fixture.get(wf.api() + "jobs/" + id + "?wait=1", wf.token(), "Accept", "application/json"));
        assertEquals("failed", failed.path("status").asText());
        assertEquals(137, failed.path("exit_status").asInt());
        assertTrue(failed.path("error").asText().startsWith("stage 2 (victim) was killed by SIGKILL"), failed.toString());
        assertEquals("KILL", failed.path("stages").get(1).path("signal").asText());
        assertError(502, fixture.get(wf.api() + "jobs/" + id, wf.token()), "stage 2 (victim) was killed by SIGKILL");
        HttpResponse<String> later = fixture.postForm(wf.api() + "?wait=1", wf.token(), "query=again");
        assertEquals(200, later.statusCode(), later.body());
        assertEquals("ok:again\n", later.body());
    }

    @Test
    void aFullQueueAnswers429() throws Exception {
        Path gate = dir.resolve("gate");
        Daemon.Deployed wf = fixture.deploy("cat | sh -c 'while [ ! -e " + gate + " ]; do sleep 0.02; done; cat'",
                Limits.DEFAULTS.withConcurrency(1).withQueue(1), true);
        String first = fixture.postForm(wf.api(), wf.token(), "query=1").body().strip();
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!json(fixture.get(wf.api() + "jobs/" + first, wf.token(), "Accept", "application/json"))
                .path("status").asText().equals("running") && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertEquals(202, fixture.postForm(wf.api(), wf.token(), "query=2").statusCode());
        HttpResponse<String> refused = fixture.postForm(wf.api(), wf.token(), "query=3");
        assertError(429, refused, "queue is full");
        assertEquals("1", refused.headers().firstValue("Retry-After").orElseThrow());
        Files.createFile(gate);
        assertEquals("1", fixture.get(wf.api() + "jobs/" + first + "?wait=1", wf.token()).body());
    }

    @Test
    void badRequestsGetTheRight4xxAndAJsonError() throws Exception {
        Daemon.Deployed wf = fixture.deploy("cat", Limits.DEFAULTS.withMaxQuery(1000), true);
        assertError(401, fixture.postForm(wf.api(), null, "query=x"), "needs its token");
        assertError(401, fixture.postForm(wf.api(), "pipes_wrong", "query=x"), "wrong token");
        assertError(401, fixture.postForm(wf.api(), null, "query=x", "Authorization", "Basic eDp5"), "Bearer TOKEN");
        assertError(400, fixture.postForm(wf.api(), wf.token(), "query=%zz"), "malformed form");
        assertError(400, fixture.send("POST", wf.api(), wf.token(), Map.of("Content-Type", "application/json"),
                "{\"query\":".getBytes(StandardCharsets.UTF_8)), "malformed JSON");
        assertError(413, fixture.send("POST", wf.api(), wf.token(), Map.of("Content-Type", "text/plain"), new byte[2000]),
                "at most 1000");
        assertError(413, fixture.send("POST", wf.api(), wf.token(), Map.of("Content-Type", "text/plain"), new byte[200_000]),
                "larger than this API takes");
        assertError(404, fixture.get(wf.api() + "jobs/nosuchjob", wf.token()), "no job nosuchjob");
        assertError(404, fixture.get(wf.api() + "nowhere", wf.token()), "no such path");
        assertError(405, fixture.send("PUT", wf.api() + "jobs/x", wf.token(), Map.of(), new byte[0]), "method not allowed");
        assertError(415, fixture.send("POST", wf.api(), wf.token(), Map.of("Content-Type", "multipart/form-data; boundary=b"),
                "--b--".getBytes(StandardCharsets.UTF_8)), "multipart");
    }

    @Test
    void theQueryIsDataNeverShellText() throws Exception {
        Path home = Files.createDirectories(dir.resolve("user-home"));
        Path sentinel = Files.writeString(home.resolve("keep-me"), "still here");
        Daemon.Deployed wf = fixture.deploy("cat | tr a-z A-Z");
        for (String query : new String[] {"$(rm -rf ~)", "; reboot", "`touch pwned1`", "x; touch pwned2", "$(touch pwned3)\n"}) {
            HttpResponse<String> answer = fixture.postForm(wf.api() + "?wait=1", wf.token(), DaemonFixture.form(query));
            assertEquals(200, answer.statusCode(), answer.body());
            assertEquals(query.toUpperCase(), answer.body());
        }
        assertTrue(Files.exists(sentinel), "~ is intact");
        for (String name : new String[] {"pwned1", "pwned2", "pwned3", "PWNED1", "PWNED2", "PWNED3"}) {
            assertFalse(Files.exists(dir.resolve(name)), name);
        }
    }

    @Test
    void healthNeedsNoTokenMetricsDo() throws Exception {
        Daemon.Deployed wf = fixture.deploy("cat");
        HttpResponse<String> health = fixture.get(wf.api() + "health", null);
        assertEquals(200, health.statusCode());
        assertEquals("ok", json(health).path("status").asText());
        assertError(401, fixture.get(wf.api() + "metrics", null), "token");
        fixture.postForm(wf.api() + "?wait=1", wf.token(), "query=abc");
        HttpResponse<String> metrics = fixture.get(wf.api() + "metrics", wf.token());
        assertEquals(200, metrics.statusCode());
        assertTrue(metrics.body().contains("pipes_jobs_total{workflow=\"" + wf.name() + "\",status=\"done\"} 1\n"), metrics.body());
        assertTrue(metrics.body().contains("pipes_query_bytes_total{workflow=\"" + wf.name() + "\"} 3\n"), metrics.body());
        assertTrue(metrics.body().contains("pipes_job_duration_seconds_count{workflow=\"" + wf.name() + "\"} 1\n"), metrics.body());
        assertTrue(metrics.body().contains("# TYPE pipes_job_duration_seconds histogram"));
    }

    @Test
    void aWorkflowDeployedWithoutATokenTakesQueriesWithoutOne() throws Exception {
        Daemon.Deployed wf = fixture.deploy("cat", Limits.DEFAULTS, false);
        assertEquals(null, wf.token());
        assertEquals("x", fixture.postForm(wf.api() + "?wait=1", null, "query=x").body());
    }

    private static void awaitNoProcess(String marker) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!DaemonFixture.processesMentioning(marker).isEmpty()) {
            assertTrue(System.nanoTime() < deadline, "still running: " + DaemonFixture.processesMentioning(marker));
            Thread.sleep(20);
        }
    }
}
