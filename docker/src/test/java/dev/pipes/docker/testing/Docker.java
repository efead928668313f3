package dev.pipes.docker.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The docker CLI, as a user would look at what pipes left (docker service ls, docker ps). */
public final class Docker {
    private Docker() {}

    /** Fails (CI) or skips (elsewhere) when no Docker engine answers. */
    public static void require() {
        boolean answers;
        try {
            answers = run("info", "--format", "{{.ServerVersion}}").strip().length() > 0;
        } catch (RuntimeException e) {
            answers = false;
        }
        Prerequisites.require(answers, "no Docker engine answers (docker info)");
    }

    /** Runs {@code docker ARGS...} and returns its standard output; throws with its error on a failure. */
    public static String run(String... args) {
        try {
            List<String> cmd = new java.util.ArrayList<>(List.of("docker"));
            cmd.addAll(List.of(args));
            Process p = new ProcessBuilder(cmd).redirectErrorStream(false).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("docker " + String.join(" ", args) + ": " + err.strip());
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException("docker: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted");
        }
    }
}
