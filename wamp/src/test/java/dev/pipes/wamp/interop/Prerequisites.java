package dev.pipes.wamp.interop;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * What the interop tests need from outside the JVM. Missing locally: the test is skipped with one
 * line saying what is missing. Missing in CI (CI=true): the test fails, since CI installs it all.
 */
final class Prerequisites {
    private Prerequisites() {
    }

    private static final java.util.Set<String> REPORTED = java.util.concurrent.ConcurrentHashMap.newKeySet();

    static void require(boolean present, String what) {
        if (present) return;
        String line = what + " (bin/test-all installs it when run as root)";
        if ("true".equals(System.getenv("CI"))) {
            Assertions.fail("missing in CI: " + line);
        }
        if (REPORTED.add(what)) {
            System.err.println("interop tests skipped: missing " + line);
        }
        Assumptions.abort("skipped: missing " + line);
    }

    /** True when the command runs and exits 0 within 20 s. */
    static boolean runs(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (Exception e) {
            return false;
        }
    }

    /** Where npm installed autobahn-js for the project: $PIPES_AUTOBAHN_JS_MODULES or .tools/. */
    static Path autobahnJsModules() {
        String env = System.getenv("PIPES_AUTOBAHN_JS_MODULES");
        if (env != null) return Path.of(env);
        Path here = Path.of("").toAbsolutePath();
        for (Path p = here; p != null; p = p.getParent()) {
            Path candidate = p.resolve(".tools/autobahn-js/node_modules");
            if (Files.isDirectory(candidate.resolve("autobahn"))) return candidate;
        }
        return here.resolve("../.tools/autobahn-js/node_modules").normalize();
    }
}
