package dev.pipes.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Daemon mode with real processes: pipesh (the packaged jar) deploys a workflow and exits; the
 * daemon it started lives on in a session of its own; a new pipesh sees the workflow and queries
 * it; a daemon killed with SIGKILL comes back with its workflows and finished jobs; removing the
 * last workflow stops the daemon.
 */
class DaemonProcessIT {
    private static final Path JAR = Path.of("target", "pipesh.jar").toAbsolutePath();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static List<String> pipesh;

    @TempDir
    Path dir;

    private record Result(int status, String out, String err) {}

    @BeforeAll
    static void findJar() {
        assertTrue(Files.isRegularFile(JAR), "the packaged pipesh is missing: " + JAR);
        String java = ProcessHandle.current().info().command().orElse("java");
        pipesh = List.of(java, "--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow",
                "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-jar", JAR.toString());
    }

    private Path home() {
        return dir.resolve("home");
    }

    private Result pipesh(String script) throws Exception {
        List<String> command = new ArrayList<>(pipesh);
        command.add("-c");
        command.add(script);
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
        builder.environment().put("PIPES_HOME", home().toString());
        builder.environment().put("HOME", dir.toString());
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        builder.redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        Process process = builder.start();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "pipesh did not finish: " + script);
        return new Result(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    private long daemonPid() throws Exception {
        return JSON.readTree(home().resolve("daemon/daemon.json").toFile()).path("pid").asLong();
    }

    @AfterEach
    void stopTheDaemon() throws Exception {
        Path state = home().resolve("daemon/daemon.json");
        if (!Files.exists(state)) return;
        ProcessHandle.of(daemonPid()).ifPresent(daemon -> {
            daemon.descendants().forEach(ProcessHandle::destroyForcibly);
            daemon.destroyForcibly();
            daemon.onExit().orTimeout(10, TimeUnit.SECONDS).join();
        });
    }

    @Test
    void aWorkflowOutlivesItsShellSurvivesItsDaemonAndLeavesNothingWhenRemoved() throws Exception {
        Result deploy = pipesh("build up /usr/bin/tr; pipes run -d --name shout --format json 'cat | up a-z A-Z | sort'");
        assertEquals(0, deploy.status(), deploy.err());
        JsonNode deployed = JSON.readTree(deploy.out().lines().filter(l -> l.startsWith("{")).findFirst().orElseThrow());
        String api = deployed.path("api").asText();
        String token = deployed.path("token").asText();

        long pid = daemonPid();
        ProcessHandle daemon = ProcessHandle.of(pid).orElseThrow(() -> new AssertionError("the daemon is not running"));
        assertNotEquals(ProcessHandle.current().pid(), daemon.parent().map(ProcessHandle::pid).orElse(-1L));

        Result next = pipesh("pipes ps; printf 'b\\na\\n' | pipes query --name shout");
        assertEquals(0, next.status(), next.err());
        assertTrue(next.out().contains(" shout ") && next.out().contains(" running "), next.out());
        assertTrue(next.out().endsWith("A\nB\n"), next.out());

        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> posted = http.send(HttpRequest.newBuilder(URI.create(api))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("query=kept")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(202, posted.statusCode(), posted.body());
        String job = posted.body().strip();
        assertEquals("KEPT\n", http.send(get(api + "jobs/" + job + "?wait=1", token), HttpResponse.BodyHandlers.ofString()).body());

        daemon.destroyForcibly();
        daemon.onExit().get(10, TimeUnit.SECONDS);
        Result stopped = pipesh("pipes ps -a");
        assertTrue(stopped.out().contains(" stopped "), stopped.out());
        assertTrue(stopped.err().contains("the pipes daemon is not running"), stopped.err());

        Result back = pipesh("pipes query --name shout again");
        assertEquals(new Result(0, "AGAIN\n", ""), back);
        assertNotEquals(pid, daemonPid(), "a new daemon");
        HttpResponse<String> kept = http.send(get(api + "jobs/" + job, token), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, kept.statusCode(), kept.body());
        assertEquals("KEPT\n", kept.body());

        long secondPid = daemonPid();
        Result removed = pipesh("pipes rm shout; pipes ps -a");
        assertEquals(0, removed.status(), removed.err());
        assertTrue(removed.out().startsWith("shout\nID "), removed.out());
        ProcessHandle.of(secondPid).ifPresent(p -> p.onExit().orTimeout(15, TimeUnit.SECONDS).join());
        assertFalse(ProcessHandle.of(secondPid).map(ProcessHandle::isAlive).orElse(false), "the idle daemon stopped");
    }

    @Test
    void ordinaryRmAndPsKeepTheirMeaning() throws Exception {
        Files.writeString(dir.resolve("victim.txt"), "x");
        Result result = pipesh("rm -f victim.txt; test -e victim.txt || echo removed; ps -o pid= -p $$ | tr -d ' '; "
                + "type rm ps | sed 's/ is .*//'");
        assertEquals(0, result.status(), result.err());
        List<String> lines = result.out().lines().toList();
        assertEquals(4, lines.size(), result.out());
        assertEquals("removed", lines.get(0));
        assertTrue(lines.get(1).matches("\\d+"), "ps printed the shell's pid: " + result.out());
        assertEquals(List.of("rm", "ps"), lines.subList(2, 4));
        assertTrue(Files.notExists(home().resolve("daemon")), "no daemon was involved");
    }

    private static HttpRequest get(String url, String token) {
        return HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token).GET().build();
    }
}
