package dev.pipes.wamp.interop;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** A WAMP client written by others, run as a process that prints "KEY json" lines. */
final class ExternalClient implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Process process;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final StringBuilder transcript = new StringBuilder();

    ExternalClient(List<String> command, Map<String, String> env) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().putAll(env);
        process = pb.start();
        Thread.ofPlatform().daemon().start(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    synchronized (transcript) {
                        transcript.append(line).append('\n');
                    }
                    lines.add(line);
                }
            } catch (IOException ignored) {
                // the process ended
            }
        });
    }

    /** The value of the next line with this key (other lines, e.g. logs, are skipped). */
    Object expect(String key) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            String line = lines.poll(100, TimeUnit.MILLISECONDS);
            if (line == null) continue;
            if (line.startsWith(key + " ")) return JSON.readValue(line.substring(key.length() + 1), Object.class);
            if (line.startsWith("FAILED ")) throw new AssertionError("the external client failed: " + transcript());
        }
        throw new AssertionError("no " + key + " line within 20 s; the client printed:\n" + transcript());
    }

    String transcript() {
        synchronized (transcript) {
            return transcript.toString();
        }
    }

    int waitForExit() throws InterruptedException {
        boolean done = process.waitFor(30, TimeUnit.SECONDS);
        assertNotNull(done ? Boolean.TRUE : null, "the external client did not exit:\n" + transcript());
        return process.exitValue();
    }

    void assertExitedCleanly() throws InterruptedException {
        assertEquals(0, waitForExit(), () -> "exit status of the external client; it printed:\n" + transcript());
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) process.destroyForcibly();
        } catch (InterruptedException e) {
            process.destroyForcibly();
        }
    }
}
