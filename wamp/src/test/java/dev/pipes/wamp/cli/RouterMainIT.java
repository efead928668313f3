package dev.pipes.wamp.cli;

import dev.pipes.wamp.client.SessionInfo;
import dev.pipes.wamp.client.WampClient;
import dev.pipes.wamp.serialization.Serializers;
import dev.pipes.wamp.transport.netty.WebSocketTransport;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/** The packaged standalone router: starts, serves a realm, says GOODBYE on SIGTERM. */
class RouterMainIT {

    static Path routerJar() throws Exception {
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            return files.filter(p -> p.getFileName().toString().endsWith("-router.jar")).findFirst()
                    .orElseThrow(() -> new AssertionError("no target/*-router.jar: run the package phase first"));
        }
    }

    @Test
    void servesARealmAndSaysGoodbyeOnSigterm() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process router = new ProcessBuilder(java, "-jar", routerJar().toString(), "--port", "0", "--host", "127.0.0.1",
                "--realm", "it").redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(router.getInputStream()));
            String line;
            int port = -1;
            while ((line = out.readLine()) != null) {
                Matcher m = Pattern.compile("listening on ws://127\\.0\\.0\\.1:(\\d+)/ \\(realms: it;").matcher(line);
                if (m.find()) {
                    port = Integer.parseInt(m.group(1));
                    break;
                }
            }
            assertTrue(port > 0, "the router announced its port");
            CompletableFuture<String> left = new CompletableFuture<>();
            WampClient client = WampClient.create(new WebSocketTransport(URI.create("ws://127.0.0.1:" + port + "/"),
                    List.of(Serializers.MSGPACK)), "it").onLeave(left::complete);
            SessionInfo s = client.connect().get(10, TimeUnit.SECONDS);
            assertEquals("it", s.realm());
            assertEquals(1L, client.call("wamp.session.count").get(5, TimeUnit.SECONDS).arg(0));
            router.destroy(); // SIGTERM
            assertTrue(left.get(10, TimeUnit.SECONDS).startsWith("wamp.close.system_shutdown"), left.get());
            assertTrue(router.waitFor(10, TimeUnit.SECONDS));
        } finally {
            router.destroyForcibly();
        }
    }

    @Test
    void aBadCommandLineExitsWith2AndNamesTheOption() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process router = new ProcessBuilder(java, "-jar", routerJar().toString(), "--port", "x")
                .redirectErrorStream(true).start();
        String output = new String(router.getInputStream().readAllBytes());
        assertTrue(router.waitFor(20, TimeUnit.SECONDS));
        assertEquals(2, router.exitValue());
        assertTrue(output.contains("pipes-router: --port wants a number, got x"), output);
    }
}
