package dev.pipes.docker.cluster;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * What {@code pipes init} did, so that the next pipesh runs in cluster mode and {@code pipes leave}
 * removes exactly that: kept in {@code $PIPES_HOME/cluster} (whose existence puts the cluster
 * module in charge) and in etcd under {@code pipes/NAME/cluster}.
 *
 * @param dockerHost      the manager's engine ({@code unix:///var/run/docker.sock} or {@code tcp://HOST:PORT})
 * @param createdSwarm    init made the engine a Swarm manager (leave then leaves the Swarm)
 * @param network         the attachable overlay network init created
 * @param routerService   the router's Swarm service; agents reach it at {@code ws://routerService:8080/}
 * @param routerUrl       where a shell reaches the router (its published port)
 * @param ticket          the ticket every party of the cluster joins with
 * @param etcd            the etcd endpoints a shell uses (comma-separated)
 * @param etcdService     the etcd Swarm service init created, or empty when {@code --etcd} was given
 * @param etcdVolume      the volume of that service's data, or empty
 * @param agentImage      the image of the stage agent and the router
 * @param registry        HOST:PORT images are pushed to and pulled from, or empty
 * @param advertise       the address init advertised for the Swarm, or empty
 * @param workers         the engines init joined to the Swarm as workers (leave makes them leave)
 * @param managers        the engines init joined to the Swarm as managers (leave demotes them, then makes them leave)
 * @param joinedNodes     the Swarm node ids of the engines init joined (leave demotes and removes them even when their
 *                        engine does not answer any more)
 */
public record ClusterRecord(String name, String dockerHost, boolean createdSwarm, String network, String routerService,
                            String routerUrl, String ticket, String etcd, String etcdService, String etcdVolume,
                            String agentImage, String registry, String advertise, java.util.List<String> workers,
                            java.util.List<String> managers, java.util.List<String> joinedNodes) {
    /** The file in $PIPES_HOME; its name is the module's name (see PipesModule). */
    public static final String FILE = "cluster";
    /** The port the router listens on inside its container. */
    public static final int ROUTER_PORT = 8080;

    /** Where agents on the overlay network reach the router. */
    public String routerUrlForAgents() {
        return "ws://" + routerService + ":" + ROUTER_PORT + "/";
    }

    /** The etcd key prefix of this cluster's configuration. */
    public String namespace() {
        return "pipes/" + name + "/";
    }

    public String encode() {
        Properties p = new Properties();
        p.setProperty("name", name);
        p.setProperty("dockerHost", dockerHost);
        p.setProperty("createdSwarm", Boolean.toString(createdSwarm));
        p.setProperty("network", network);
        p.setProperty("routerService", routerService);
        p.setProperty("routerUrl", routerUrl);
        p.setProperty("ticket", ticket);
        p.setProperty("etcd", etcd);
        p.setProperty("etcdService", etcdService);
        p.setProperty("etcdVolume", etcdVolume);
        p.setProperty("agentImage", agentImage);
        p.setProperty("registry", registry);
        p.setProperty("advertise", advertise);
        p.setProperty("workers", String.join(",", workers));
        p.setProperty("managers", String.join(",", managers));
        p.setProperty("joinedNodes", String.join(",", joinedNodes));
        StringWriter out = new StringWriter();
        try {
            p.store(out, "pipes cluster (written by pipes init; pipes leave removes it)");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    public static ClusterRecord decode(String text) {
        Properties p = new Properties();
        try {
            p.load(new StringReader(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ClusterRecord(req(p, "name"), req(p, "dockerHost"), Boolean.parseBoolean(p.getProperty("createdSwarm")),
                req(p, "network"), req(p, "routerService"), req(p, "routerUrl"), req(p, "ticket"), req(p, "etcd"),
                p.getProperty("etcdService", ""), p.getProperty("etcdVolume", ""), req(p, "agentImage"),
                p.getProperty("registry", ""), p.getProperty("advertise", ""),
                java.util.Arrays.stream(p.getProperty("workers", "").split(",")).filter(w -> !w.isBlank()).toList(),
                java.util.Arrays.stream(p.getProperty("managers", "").split(",")).filter(w -> !w.isBlank()).toList(),
                java.util.Arrays.stream(p.getProperty("joinedNodes", "").split(",")).filter(w -> !w.isBlank()).toList());
    }

    private static String req(Properties p, String key) {
        String v = p.getProperty(key);
        if (v == null) throw new IllegalArgumentException("the cluster record has no " + key);
        return v;
    }

    /** The record in {@code home} ($PIPES_HOME), if init wrote one. */
    public static java.util.Optional<ClusterRecord> read(Path home) {
        Path file = home.resolve(FILE);
        if (!Files.isRegularFile(file)) return java.util.Optional.empty();
        try {
            return java.util.Optional.of(decode(Files.readString(file, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }

    public void write(Path home) throws IOException {
        Files.createDirectories(home);
        Path tmp = home.resolve(FILE + ".tmp");
        Files.writeString(tmp, encode(), StandardCharsets.UTF_8);
        Files.move(tmp, home.resolve(FILE), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }
}
