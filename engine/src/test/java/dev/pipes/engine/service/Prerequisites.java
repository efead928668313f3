package dev.pipes.engine.service;

import org.junit.jupiter.api.Assumptions;

/** A missing prerequisite skips a test with one line locally, and fails it when CI=true. */
final class Prerequisites {
    private Prerequisites() {}

    static void require(boolean present, String what) {
        if (present) return;
        String message = what + " is missing (bin/lib/prerequisites.sh installs it when run as root)";
        if ("true".equals(System.getenv("CI"))) throw new AssertionError(message);
        Assumptions.abort(message);
    }

    /** Whether {@code command} runs and exits 0 within 20 seconds. */
    static boolean runs(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(20, java.util.concurrent.TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (java.io.IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
