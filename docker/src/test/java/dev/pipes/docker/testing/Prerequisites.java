package dev.pipes.docker.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/** A missing prerequisite skips a test with one line locally and fails it when CI=true. */
public final class Prerequisites {
    private Prerequisites() {}

    public static void require(boolean present, String what) {
        if (present) return;
        String message = what + " (bin/lib/prerequisites.sh installs and starts it when run as root)";
        if ("true".equals(System.getenv("CI"))) throw new AssertionError(message);
        Assumptions.abort(message);
    }

    /** The etcd server binary of Debian's etcd-server. */
    public static Path etcdBinary() {
        Path etcd = Path.of("/usr/bin/etcd");
        require(Files.isExecutable(etcd), "etcd is missing: " + etcd + " (Debian package etcd-server)");
        return etcd;
    }
}
