package dev.pipes.docker.testing;

import dev.pipes.docker.ClusterModule;
import dev.pipes.docker.cluster.ClusterRecord;
import dev.pipes.engine.service.Services;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A cluster-mode shell in a process of its own, for tests that kill it: {@code ShellMain DIR COMMAND}
 * runs COMMAND with $PIPES_HOME DIR/home, prints {@code status N}, and waits to be killed.
 */
public final class ShellMain {
    private ShellMain() {}

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        Map<String, String> env = ClusterShell.environment(dir);
        ClusterRecord record = ClusterRecord.read(dir.resolve("home")).orElseThrow();
        Services services = ClusterModule.services(record, env);
        ClusterShell shell = new ClusterShell(dir, env, services, List.of());
        int status = shell.run(args[1]);
        System.out.println("status " + status);
        System.err.print(shell.err());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
