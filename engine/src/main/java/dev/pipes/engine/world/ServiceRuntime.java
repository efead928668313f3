package dev.pipes.engine.world;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Runs service stages (the services issue): the executor gives a service stage its standard
 * input, output and error as streams (the in-process ends of its joints, or the shell's own
 * streams) and waits for the status. A runtime moves those bytes over WAMP to wherever the
 * service runs. Until one is wired in, no service stage can run.
 */
public interface ServiceRuntime {
    /** Starts {@code service} with {@code argv}; the future completes with its exit status. */
    CompletableFuture<Integer> start(String service, List<String> argv, InputStream in, OutputStream out, OutputStream err);

    /** The runtime of a shell without services: every start fails with a message and status 127. */
    static ServiceRuntime none() {
        return (service, argv, in, out, err) -> {
            try {
                err.write(("pipesh: " + service + ": services are not available in this shell\n").getBytes(
                        java.nio.charset.StandardCharsets.UTF_8));
                err.flush();
            } catch (java.io.IOException e) {
                // nowhere to report to
            }
            return CompletableFuture.completedFuture(127);
        };
    }
}
