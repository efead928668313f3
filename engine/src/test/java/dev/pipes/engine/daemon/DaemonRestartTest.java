package dev.pipes.engine.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pipes.engine.service.FileConfigStore;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Workflows and jobs live in the store: a new daemon on the same home takes them over. */
class DaemonRestartTest {
    @TempDir
    Path dir;

    @Test
    void aRestartedDaemonListsTheWorkflowAnswersForFinishedJobsAndTakesNewQueries() throws Exception {
        try (DaemonFixture fixture = new DaemonFixture(dir)) {
            Daemon.Deployed wf = fixture.deploy("cat | tr a-z A-Z");
            String done = fixture.postForm(wf.api(), wf.token(), "query=before").body().strip();
            assertEquals("BEFORE", fixture.get(wf.api() + "jobs/" + done + "?wait=1", wf.token()).body());
            fixture.restart();
            List<Daemon.Hosted> hosted = fixture.daemon().workflows();
            assertEquals(1, hosted.size());
            assertTrue(hosted.get(0).running());
            assertEquals(wf.api(), hosted.get(0).api(), "the API is back on the same port");
            HttpResponse<String> kept = fixture.get(wf.api() + "jobs/" + done, wf.token());
            assertEquals(200, kept.statusCode(), kept.body());
            assertEquals("BEFORE", kept.body());
            assertEquals("AFTER", fixture.postForm(wf.api() + "?wait=1", wf.token(), "query=after").body());
            assertEquals(2, hosted.get(0).workflow().counts().done(), "the counts survive too");
        }
    }

    @Test
    void aJobCutShortByTheDaemonsEndIsFailedSayingSo() throws Exception {
        Path gate = dir.resolve("gate");
        try (DaemonFixture fixture = new DaemonFixture(dir)) {
            Daemon.Deployed wf = fixture.deploy("cat | sh -c 'while [ ! -e " + gate + " ]; do sleep 0.02; done; cat'");
            String id = fixture.postForm(wf.api(), wf.token(), "query=x").body().strip();
            fixture.restart();
            JsonNode job = Json.parse(fixture.get(wf.api() + "jobs/" + id, wf.token(), "Accept", "application/json").body(), "job");
            assertEquals("failed", job.path("status").asText());
            assertTrue(job.path("error").asText().contains("daemon stopped"), job.toString());
        }
    }

    @Test
    void oneDaemonPerHome() throws Exception {
        try (DaemonFixture fixture = new DaemonFixture(dir)) {
            IOException refused = assertThrows(IOException.class, () -> Daemon.start(fixture.home,
                    new DaemonStore(new FileConfigStore(fixture.home.store())), dev.pipes.engine.service.ServiceRuntime.none(),
                    line -> { }, false));
            assertTrue(refused.getMessage().startsWith("a pipes daemon already runs for "), refused.getMessage());
        }
    }

    @Test
    void expiredJobsAreForgottenWithTheirOutput() throws Exception {
        try (DaemonFixture fixture = new DaemonFixture(dir)) {
            Daemon.Deployed wf = fixture.deploy("cat", Limits.DEFAULTS.withKeepJobs(2), true);
            String first = fixture.postForm(wf.api(), wf.token(), "query=1").body().strip();
            fixture.get(wf.api() + "jobs/" + first + "?wait=1", wf.token());
            Path output = fixture.home.outputDir(wf.id()).resolve(first);
            assertTrue(Files.exists(output));
            for (int i = 2; i <= 3; i++) fixture.postForm(wf.api() + "?wait=1", wf.token(), "query=" + i);
            assertEquals(404, fixture.get(wf.api() + "jobs/" + first, wf.token()).statusCode(), "only the last 2 are kept");
            assertTrue(Files.notExists(output));
        }
    }
}
