package dev.pipes.docker;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pipes.docker.cluster.ClusterRecord;
import dev.pipes.docker.testing.ClusterShell;
import dev.pipes.docker.testing.Docker;
import dev.pipes.docker.testing.Prerequisites;
import dev.pipes.engine.service.Services;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

/**
 * A cluster on this machine's Docker engine, one Swarm node: {@code pipes init}, {@code build} of
 * services into images, pipelines whose stages are Swarm services, and {@code pipes leave}. One
 * cluster for the whole class (its set-up is the slow part); the tests run in order.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(300)
class ClusterIT {
    static final int SIZE = 64 << 20;
    Path dir;
    String name;
    ClusterShell admin;
    Services services;
    ClusterShell shell;
    Map<String, String> env;
    Path elsewhere;

    @BeforeAll
    void setUp() throws Exception {
        Docker.require();
        Prerequisites.etcdBinary();
        dir = Files.createTempDirectory("pipes-cluster-it");
        env = ClusterShell.environment(dir);
        name = "it" + Long.toString(System.nanoTime() & 0xffffff, 36);
        admin = new ClusterShell(dir, env, dev.pipes.engine.service.ServiceRuntime.none(), ClusterVerbs.all());
    }

    @AfterAll
    void tearDown() throws Exception {
        if (services != null) services.close();
        if (admin != null && Files.exists(dir.resolve("home/cluster"))) admin.run("pipes leave");
        if (dir != null) delete(dir); // 64 MiB twice, and more
        if (elsewhere != null) delete(elsewhere);
    }

    private static void delete(Path root) throws java.io.IOException {
        try (var walk = Files.walk(root)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }

    @Test
    @Order(1)
    void initSetsUpRouterEtcdAndNetworkAndRecordsTheCluster() throws Exception {
        assertEquals(0, admin.run("pipes init --name " + name), admin.err());
        assertTrue(admin.out().contains("cluster " + name + " is up"), admin.out());
        ClusterRecord record = ClusterRecord.read(dir.resolve("home")).orElseThrow();
        assertEquals(name, record.name());
        String ls = Docker.run("service", "ls", "--format", "{{.Name}}");
        assertTrue(ls.contains("pipes-" + name + "-router") && ls.contains("pipes-" + name + "-etcd"), ls);
        assertTrue(Docker.run("network", "ls", "--format", "{{.Name}}").contains("pipes-" + name));
        admin.reset();
        assertEquals(0, admin.run("pipes status"), admin.err());
        assertTrue(admin.out().contains("mode: cluster " + name) && admin.out().contains("healthy"), admin.out());
        services = ClusterModule.services(record, env);
        shell = new ClusterShell(dir, env, services, ClusterVerbs.all());
        assertEquals("cluster " + name, services.mode());
    }

    @Test
    @Order(2)
    void buildMakesAnImageOfTheExecutableAndTheAgent() {
        assertEquals(0, shell.run("build pass1 /bin/cat && build pass2 /bin/cat && build pass3 /bin/cat && build up /usr/bin/tr"),
                shell.err());
        assertTrue(shell.err().contains("image pipes-" + name + "-pass1:latest"), shell.err());
        assertTrue(Docker.run("image", "ls", "--format", "{{.Repository}}").contains("pipes-" + name + "-up"));
        shell.reset();
        assertEquals(2, shell.run("build nothing /no/such/file"));
        assertTrue(shell.err().contains("no such file"), shell.err());
        shell.reset();
    }

    @Test
    @Order(3)
    void threeServicesCarry64MiBByteExact() throws Exception {
        byte[] data = new byte[SIZE];
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < SIZE; i++) data[i] = (byte) random.nextInt(256);
        Files.write(dir.resolve("blob"), data);
        assertEquals(0, shell.run("pass1 < blob | pass2 | pass3 > copy"), shell.err());
        assertArrayEquals(data, Files.readAllBytes(dir.resolve("copy")), "bytes differ");
        String ls = Docker.run("service", "ls", "--format", "{{.Name}}");
        assertTrue(ls.contains("pipes-" + name + "-s-pass1"), ls);
        shell.reset();
        assertEquals(0, shell.run("services"), shell.err());
        assertTrue(shell.out().contains("image pipes-" + name + "-pass1:latest; Swarm service pipes-" + name + "-s-pass1, 1 agent(s) running on "),
                shell.out());
        // warm: the agents stayed up; the second pipeline takes them without Swarm
        long t0 = System.nanoTime();
        assertEquals(0, shell.run("echo warm | pass1 | pass2 | pass3 > warm"), shell.err());
        long warmMillis = (System.nanoTime() - t0) / 1_000_000;
        assertEquals("warm\n", Files.readString(dir.resolve("warm")));
        System.out.println("ClusterIT: warm three-service pipeline took " + warmMillis + " ms");
    }

    @Test
    @Order(4)
    void replicasKeepTheOrder() throws Exception {
        shell.reset();
        assertEquals(0, shell.run("PIPES_BLOCK_SIZE=4096; seq 1 60000 | up@3 0-9 a-j > rep"), shell.err());
        StringBuilder expected = new StringBuilder();
        for (int i = 1; i <= 60000; i++) {
            String s = Integer.toString(i);
            for (char c : s.toCharArray()) expected.append((char) ('a' + (c - '0')));
            expected.append('\n');
        }
        assertEquals(expected.toString(), Files.readString(dir.resolve("rep")));
    }

    /**
     * Two shells run a pipeline of the same services at once: each agent goes to one of them (the
     * router grants it), the other scales the services up; both carry their bytes exactly.
     */
    @Test
    @Order(4)
    void twoShellsRunTheSameServicesAtOnce() throws Exception {
        int size = 4 << 20;
        byte[][] data = new byte[2][size];
        SplittableRandom random = new SplittableRandom(11);
        for (byte[] d : data) for (int i = 0; i < size; i++) d[i] = (byte) random.nextInt(256);
        Files.write(dir.resolve("blob-a"), data[0]);
        Files.write(dir.resolve("blob-b"), data[1]);
        Services second = ClusterModule.services(ClusterRecord.read(dir.resolve("home")).orElseThrow(), env);
        java.util.concurrent.ExecutorService both = java.util.concurrent.Executors.newFixedThreadPool(2); // really at once
        try {
            ClusterShell other = new ClusterShell(dir, env, second, List.of());
            shell.reset();
            for (int round = 0; round < 3; round++) {
                CompletableFuture<Integer> a = CompletableFuture.supplyAsync(() -> shell.run("pass1 < blob-a | pass2 > copy-a"), both);
                CompletableFuture<Integer> b = CompletableFuture.supplyAsync(() -> other.run("pass1 < blob-b | pass2 > copy-b"), both);
                assertEquals(0, a.get(5, TimeUnit.MINUTES), shell.err());
                assertEquals(0, b.get(5, TimeUnit.MINUTES), other.err());
                assertArrayEquals(data[0], Files.readAllBytes(dir.resolve("copy-a")), "round " + round + ": shell a's bytes differ");
                assertArrayEquals(data[1], Files.readAllBytes(dir.resolve("copy-b")), "round " + round + ": shell b's bytes differ");
            }
        } finally {
            both.shutdown();
            second.close();
        }
    }

    @Test
    @Order(5)
    void aKilledContainerFailsThePipelineWithAClearMessage() throws Exception {
        shell.reset();
        CompletableFuture<Integer> status = CompletableFuture.supplyAsync(() -> shell.run("cat /dev/zero | pass2 | pass3 > /dev/null"));
        String container = awaitContainer("pipes-" + name + "-s-pass3", 60);
        Thread.sleep(1500); // the stage is streaming
        Docker.run("kill", container);
        int s = status.get(60, TimeUnit.SECONDS);
        assertNotEquals(0, s);
        assertTrue(shell.err().contains("pass3"), shell.err());
        System.out.println("ClusterIT: killed container: " + shell.err().strip());
    }

    @Test
    @Order(6)
    void cancelLeavesNoServiceOrContainer() throws Exception {
        shell.reset();
        assertEquals(0, shell.run("build pass4 /bin/cat"), shell.err());
        shell.reset();
        assertEquals(0, shell.run("cat /dev/zero | pass4 > /dev/null & sleep 8; kill %1; wait; true"), shell.err());
        String service = "pipes-" + name + "-s-pass4";
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline && (Docker.run("service", "ls", "--format", "{{.Name}}").contains(service)
                || !Docker.run("ps", "-aq", "--filter", "label=com.docker.swarm.service.name=" + service).isBlank())) {
            Thread.sleep(200);
        }
        assertFalse(Docker.run("service", "ls", "--format", "{{.Name}}").contains(service));
        assertTrue(Docker.run("ps", "-aq", "--filter", "label=com.docker.swarm.service.name=" + service).isBlank());
    }

    @Test
    @Order(7)
    void afterTheRouterRestartedTheNextPipelineWorks() throws Exception {
        ClusterRecord record = ClusterRecord.read(dir.resolve("home")).orElseThrow();
        String router = awaitContainer(record.routerService(), 30);
        Docker.run("kill", router);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        boolean back = false;
        while (!back && System.nanoTime() < deadline) { // as a user would wait for `pipes status` to show it
            var client = dev.pipes.docker.cluster.ClusterSetup.client(record);
            try {
                client.connect().get(2, TimeUnit.SECONDS);
                back = !awaitContainer(record.routerService(), 1).equals(router);
                client.leave();
            } catch (Exception | AssertionError e) {
                client.close();
                Thread.sleep(300);
            }
        }
        assertTrue(back, "the router did not come back");
        shell.reset();
        assertEquals(0, shell.run("echo again | pass1 | pass2 > again"), shell.err());
        assertEquals("again\n", Files.readString(dir.resolve("again")));
    }

    @Test
    @Order(8)
    void theServicesOfAShellKilledWithSigkillAreRemovedByTheNextShell() throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process child = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                dev.pipes.docker.testing.ShellMain.class.getName(), dir.toString(), "build pass6 /bin/cat && echo x | pass6")
                .redirectErrorStream(true).start();
        String service = "pipes-" + name + "-s-pass6";
        try {
            var lines = new java.io.BufferedReader(new java.io.InputStreamReader(child.getInputStream()));
            String line;
            StringBuilder seen = new StringBuilder();
            while ((line = lines.readLine()) != null && !line.startsWith("status")) seen.append(line).append('\n');
            assertEquals("status 0", line, seen.toString());
            assertTrue(Docker.run("service", "ls", "--format", "{{.Name}}").contains(service));
        } finally {
            child.destroyForcibly().waitFor(); // SIGKILL: it removes nothing
        }
        assertTrue(Docker.run("service", "ls", "--format", "{{.Name}}").contains(service));
        Thread.sleep(TimeUnit.SECONDS.toMillis(12)); // its lease (10 s) expires
        Services next = ClusterModule.services(ClusterRecord.read(dir.resolve("home")).orElseThrow(), env);
        try {
            ClusterShell other = new ClusterShell(dir, env, next, List.of());
            assertEquals(0, other.run("echo y | pass1 > /dev/null"), other.err());
            assertFalse(Docker.run("service", "ls", "--format", "{{.Name}}").contains(service));
        } finally {
            next.close();
        }
    }

    @Test
    @Order(2)
    void badInputGetsAClearError() throws Exception {
        Files.writeString(dir.resolve("plain.txt"), "not a program\n");
        assertEquals(2, shell.run("build plain plain.txt"));
        assertTrue(shell.err().contains("not executable"), shell.err());
        shell.reset();
        assertEquals(1, shell.run("build based /bin/cat --base no-such-image:1"));
        assertTrue(shell.err().contains("no image no-such-image:1"), shell.err());
        shell.reset();
        Files.createDirectories(dir.resolve("bad"));
        Files.writeString(dir.resolve("bad/Dockerfile"), "FROM scratch\nRUN /no/shell/here\n");
        assertEquals(1, shell.run("build broken /bin/cat --dockerfile bad/Dockerfile"));
        assertTrue(shell.err().contains("image build") && shell.err().contains("failed"), shell.err());
        assertEquals(127, shell.run("broken"), "a failed image build registers nothing");
        shell.reset();
        elsewhere = Files.createTempDirectory("pipes-cluster-it-home");
        ClusterShell lonely = new ClusterShell(elsewhere, ClusterShell.environment(elsewhere),
                dev.pipes.engine.service.ServiceRuntime.none(), ClusterVerbs.all());
        assertEquals(1, lonely.run("pipes init --servers tcp://127.0.0.1:9 --name nowhere"));
        assertTrue(lonely.err().contains("does not answer"), lonely.err());
        assertFalse(Files.exists(elsewhere.resolve("home/cluster")));
    }

    @Test
    @Order(9)
    void leaveRemovesWhatInitCreated() throws Exception {
        services.close();
        services = null;
        admin.reset();
        assertEquals(0, admin.run("pipes leave"), admin.err());
        assertFalse(Files.exists(dir.resolve("home/cluster")));
        boolean swarm = Docker.run("info", "--format", "{{.Swarm.LocalNodeState}}").strip().equals("active");
        if (swarm) { // a Swarm that existed before init stays; only the cluster's services go
            String ls = Docker.run("service", "ls", "--format", "{{.Name}}");
            assertFalse(ls.contains("pipes-" + name), ls);
        }
        assertFalse(Docker.run("network", "ls", "--format", "{{.Name}}").contains("pipes-" + name));
        assertFalse(Docker.run("volume", "ls", "--format", "{{.Name}}").contains("pipes-" + name));
        assertTrue(Docker.run("ps", "-aq", "--filter", "label=dev.pipes.cluster=" + name).isBlank());
        assertTrue(Docker.run("images", "-q", "--filter", "label=dev.pipes.cluster=" + name).isBlank(), "the services' images stay");
        assertTrue(Docker.run("ps", "-aq", "--filter", "status=created").isBlank(), "a failed build left its step's container");
    }

    private static String awaitContainer(String service, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            String id = Docker.run("ps", "-q", "--filter", "label=com.docker.swarm.service.name=" + service).strip();
            if (!id.isEmpty()) return List.of(id.split("\n")).get(0);
            Thread.sleep(200);
        }
        throw new AssertionError("no container of " + service + " within " + seconds + " s");
    }
}
