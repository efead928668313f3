package dev.pipes.engine.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Jobs run side by side and never mix: 1,000 queries at once, each answered with its own output. */
class ConcurrentQueriesTest {
    static final int QUERIES = 1000;

    @TempDir
    Path dir;

    @Test
    void aThousandConcurrentQueriesEachGetTheirOwnOutput() throws Exception {
        try (DaemonFixture fixture = new DaemonFixture(dir)) {
            fixture.build("upper", Path.of("/usr/bin/tr"));
            fixture.build("number", fixture.script("number.sh", "exec sed 's/^/n=/'"));
            Daemon.Deployed wf = fixture.deploy("cat | upper a-z A-Z | number", Limits.DEFAULTS.withConcurrency(16), true);
            List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
            for (int i = 0; i < QUERIES; i++) {
                HttpRequest request = HttpRequest.newBuilder(URI.create(wf.api() + "?wait=1"))
                        .timeout(Duration.ofMinutes(5))
                        .header("Authorization", "Bearer " + wf.token())
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("query=query+" + i + "%0Aline+two+of+" + i + "%0A"))
                        .build();
                answers.add(fixture.http.sendAsync(request, HttpResponse.BodyHandlers.ofString()));
            }
            for (int i = 0; i < QUERIES; i++) {
                HttpResponse<String> answer = answers.get(i).join();
                assertEquals(200, answer.statusCode(), "query " + i + ": " + answer.body());
                assertEquals("n=QUERY " + i + "\nn=LINE TWO OF " + i + "\n", answer.body(), "query " + i);
            }
            assertEquals(QUERIES, fixture.daemon().find(wf.name()).orElseThrow().workflow().counts().done());
        }
    }
}
