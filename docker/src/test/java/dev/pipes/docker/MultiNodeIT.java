package dev.pipes.docker;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pipes.docker.cluster.ClusterRecord;
import dev.pipes.docker.testing.ClusterShell;
import dev.pipes.docker.testing.Docker;
import dev.pipes.docker.testing.Prerequisites;
import dev.pipes.engine.service.Services;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * A real three-node Swarm on this host (test resource multinode.sh: three dockerds in namespaces
 * of their own, Debian's registry serving the images): {@code pipes init --servers} joins them,
 * images are pushed to the registry and pulled by the nodes, and a pipeline whose stages run on
 * different nodes streams byte-exact across the overlay network.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(300)
class MultiNodeIT {
    /** Our own names and subnet: another run of this test (another checkout) may share the host. */
    final String NET = "10.251." + (1 + new java.util.Random().nextInt(250));
    final String PREFIX = "pm" + Long.toString(System.nanoTime() % 46656, 36);
    Path base;
    Path script;
    Path dir;
    Services services;
    ClusterShell admin;
    boolean up;

    @BeforeAll
    void setUp() throws Exception {
        Docker.require();
        Prerequisites.etcdBinary();
        Prerequisites.require("0".equals(run(List.of("id", "-u")).strip()), "the multi-node test needs root (namespaces, mounts)");
        Path registry = registryBinary();
        base = Files.createTempDirectory("pipes-mnode");
        script = base.resolve("multinode.sh");
        try (InputStream in = MultiNodeIT.class.getResourceAsStream("/multinode.sh")) {
            Files.copy(in, script);
        }
        up = true;
        String out = run(List.of("bash", script.toString(), "up"), Map.of("BASE", base.resolve("nodes").toString(), "NET", NET,
                "PREFIX", PREFIX, "REGISTRY_BIN", registry.toString()));
        assertTrue(out.contains("up: 3 nodes"), out);
        dir = Files.createTempDirectory("pipes-mnode-it");
        admin = new ClusterShell(dir, ClusterShell.environment(dir), dev.pipes.engine.service.ServiceRuntime.none(), ClusterVerbs.all());
    }

    /** Debian's registry binary: $PIPES_REGISTRY_BIN, or the one bin/lib/prerequisites.sh unpacked into .tools/. */
    private static Path registryBinary() {
        String configured = System.getenv("PIPES_REGISTRY_BIN");
        Path p = configured != null ? Path.of(configured) : projectRoot().resolve(".tools/docker-registry/usr/bin/docker-registry");
        Prerequisites.require(Files.isExecutable(p), "Debian's docker-registry binary is missing: " + p);
        return p;
    }

    private static Path projectRoot() {
        Path here = Path.of("").toAbsolutePath();
        return Files.exists(here.resolve("docker")) ? here : here.getParent();
    }

    @AfterAll
    void tearDown() throws Exception {
        if (services != null) services.close();
        if (admin != null && Files.exists(dir.resolve("home/cluster"))) admin.run("pipes leave");
        if (up) run(List.of("bash", script.toString(), "down"), Map.of("BASE", base.resolve("nodes").toString(), "NET", NET, "PREFIX", PREFIX));
        for (Path p : java.util.Arrays.asList(base, dir)) { // either may be null: setUp stopped early
            if (p == null) continue;
            try (var walk = Files.walk(p)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    private String sock(int n) {
        return "unix://" + base.resolve("nodes/n" + n + "/docker.sock");
    }

    @Test
    void stagesOnDifferentNodesStreamByteExact() throws Exception {
        // --managers 2: the two other engines join as managers too, so that the Swarm keeps its
        // managers' quorum (2 of 3) when one node is lost below
        int status = admin.run("pipes init --name mn --managers 2 --advertise " + NET + ".1 --registry " + NET + ".254:5000 --servers "
                + sock(1) + "," + sock(2) + "," + sock(3));
        assertEquals(0, status, admin.err());
        ClusterRecord record = ClusterRecord.read(dir.resolve("home")).orElseThrow();
        assertEquals(3, docker(1, "node", "ls", "-q").strip().split("\n").length);
        assertEquals(3, docker(1, "node", "ls", "-q", "--filter", "role=manager").strip().split("\n").length);
        assertEquals(List.of(sock(2), sock(3)), record.managers());
        admin.reset();
        assertEquals(0, admin.run("pipes status"), admin.err());
        assertEquals(3, admin.out().lines().filter(l -> l.startsWith("node") && l.contains(" MANAGER ")).count(), admin.out());
        assertTrue(admin.out().contains(" leader"), admin.out());
        admin.reset();
        Map<String, String> env = ClusterShell.environment(dir);
        services = ClusterModule.services(record, env);
        ClusterShell shell = new ClusterShell(dir, env, services, ClusterVerbs.all());
        assertEquals(0, shell.run("build a /bin/cat && build b /bin/cat && build c /bin/cat"), shell.err());
        int size = 16 << 20;
        byte[] data = new byte[size];
        SplittableRandom random = new SplittableRandom(5);
        for (int i = 0; i < size; i++) data[i] = (byte) random.nextInt(256);
        Files.write(dir.resolve("blob"), data);
        assertEquals(0, shell.run("a < blob | b | c > copy"), shell.err());
        assertArrayEquals(data, Files.readAllBytes(dir.resolve("copy")), "bytes differ");
        Set<String> nodes = new HashSet<>();
        for (String s : List.of("a", "b", "c")) {
            nodes.add(docker(1, "service", "ps", "--filter", "desired-state=running", "--format", "{{.Node}}", "pipes-mn-s-" + s).strip());
        }
        assertTrue(nodes.size() >= 2, "all stages ran on one node: " + nodes);
        System.out.println("MultiNodeIT: stages on nodes " + nodes);

        // a node (a manager, as all three are) that runs a stage crashes mid-pipeline (its dockerd is PID 1 of the node's PID
        // namespace: killing it ends every process of the node, as a power cut would)
        String victim = null;
        String stage = null;
        List<String> onVictim = new java.util.ArrayList<>();
        for (String s : List.of("a", "b", "c")) {
            String node = docker(1, "service", "ps", "--filter", "desired-state=running", "--format", "{{.Node}}", "pipes-mn-s-" + s).strip();
            if (victim == null && !node.equals("node1")) {
                victim = node;
                stage = s;
            }
            if (node.equals(victim)) onVictim.add(s);
        }
        assertTrue(victim != null, "no stage on a node other than node1");
        shell.run("true");
        var running = java.util.concurrent.CompletableFuture.supplyAsync(() -> shell.run("cat /dev/zero | a | b | c > /dev/null"));
        Thread.sleep(3000); // streaming
        String n = victim.substring("node".length());
        run(List.of("pkill", "-9", "-f", "^dockerd --config-file " + base.resolve("nodes/n" + n + "/daemon.json") + "$"));
        int failed = running.get(60, TimeUnit.SECONDS);
        assertTrue(failed != 0, "the pipeline went on");
        System.out.println("MultiNodeIT: node " + victim + " killed under stage " + stage + ": " + shell.err().strip());
        String err = shell.err();
        assertTrue(onVictim.stream().anyMatch(s -> err.contains(s + ": the stage's agent went away")), err);
        shell.reset();
        // the next pipeline runs on the surviving nodes (Swarm moves the lost task once the node is Down)
        assertEquals(0, shell.run("a < blob | b | c > copy2"), shell.err());
        assertArrayEquals(data, Files.readAllBytes(dir.resolve("copy2")), "bytes differ after the node was lost");
        for (String s : onVictim) {
            String moved = docker(1, "service", "ps", "--filter", "desired-state=running", "--format", "{{.Node}}", "pipes-mn-s-" + s).strip();
            assertTrue(!moved.equals(victim), s + " still runs on the lost node");
        }
        // leave demotes the manager that survived and makes it leave; the lost one is said not to answer
        services.close();
        services = null;
        admin.reset();
        assertEquals(0, admin.run("pipes leave"), admin.err());
        String survivor = victim.equals("node2") ? "3" : "2";
        assertEquals("inactive", docker(Integer.parseInt(survivor), "info", "--format", "{{.Swarm.LocalNodeState}}").strip(), admin.err());
        assertEquals("inactive", docker(1, "info", "--format", "{{.Swarm.LocalNodeState}}").strip(), admin.err());
        System.out.println("MultiNodeIT: leave: " + admin.err().strip().replace('\n', ';'));
    }

    private String docker(int node, String... args) {
        List<String> cmd = new java.util.ArrayList<>(List.of("docker", "-H", sock(node)));
        cmd.addAll(List.of(args));
        return run(cmd);
    }

    private static String run(List<String> cmd) {
        return run(cmd, Map.of());
    }

    private static String run(List<String> cmd, Map<String, String> env) {
        try {
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
            pb.environment().putAll(env);
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(180, TimeUnit.SECONDS) || p.exitValue() != 0) throw new IllegalStateException(cmd + ": " + out);
            return out;
        } catch (IOException e) {
            throw new IllegalStateException(cmd + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted");
        }
    }
}
