package dev.pipes.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Service;
import com.github.dockerjava.api.model.SwarmNode;
import com.github.dockerjava.api.model.Task;
import com.github.dockerjava.api.model.TaskState;
import dev.pipes.docker.cluster.ClusterRecord;
import dev.pipes.docker.cluster.ClusterSetup;
import dev.pipes.docker.cluster.DockerConnection;
import dev.pipes.docker.etcd.Etcd;
import dev.pipes.engine.service.Services;
import dev.pipes.engine.verbs.PipesVerb;
import dev.pipes.engine.verbs.VerbCall;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** {@code pipes init}, {@code pipes status} and {@code pipes leave}. */
public final class ClusterVerbs {
    private ClusterVerbs() {}

    public static List<PipesVerb> all() {
        return List.of(
                verb("init", "pipes init [--servers tcp://HOST:PORT,...] [--managers N] [--etcd URL,...] [--registry HOST:PORT] [--advertise ADDR] [--name CLUSTER]",
                        "set up a cluster on Docker Swarm (router, etcd, network); the next pipesh runs in it", ClusterVerbs::init),
                verb("status", "pipes status", "the cluster: nodes, router, etcd, services deployed", ClusterVerbs::status),
                verb("leave", "pipes leave", "remove what pipes init created, and leave cluster mode", ClusterVerbs::leave));
    }

    private static PipesVerb verb(String name, String usage, String summary, Function<VerbCall, Integer> run) {
        return new PipesVerb() {
            @Override public String name() { return name; }
            @Override public String usage() { return usage; }
            @Override public String summary() { return summary; }
            @Override public int run(VerbCall call) {
                try {
                    return run.apply(call);
                } catch (UsageError e) {
                    return call.usage(this, e.getMessage());
                }
            }
        };
    }

    private static final class UsageError extends RuntimeException {
        UsageError(String message) {
            super(message);
        }
    }

    /** Progress lines on standard error, {@code pipes VERB: ...}. */
    static java.util.function.Consumer<String> progress(VerbCall call, String verb) {
        return line -> {
            try {
                call.err().write(("pipes " + verb + ": " + line + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
                call.err().flush();
            } catch (IOException e) {
                // nowhere to report progress
            }
        };
    }

    private static int init(VerbCall call) {
        String name = "pipes";
        List<String> servers = List.of();
        String etcd = "";
        String registry = "";
        String advertise = "";
        int managers = 0;
        List<String> args = call.args();
        for (int i = 1; i < args.size(); i++) {
            String arg = args.get(i);
            String option = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            if (!List.of("--servers", "--etcd", "--registry", "--advertise", "--name", "--managers").contains(option)) {
                throw new UsageError(arg + ": unknown argument");
            }
            String value = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1) : i + 1 < args.size() ? args.get(++i) : null;
            if (value == null || value.isBlank()) throw new UsageError(option + ": a value is missing");
            switch (option) {
                case "--servers" -> servers = Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
                case "--etcd" -> {
                    try {
                        Etcd.parseEndpoints(value);
                    } catch (IllegalArgumentException e) {
                        throw new UsageError("--etcd: " + e.getMessage());
                    }
                    etcd = value;
                }
                case "--registry" -> registry = value;
                case "--advertise" -> advertise = value;
                case "--managers" -> {
                    try {
                        managers = Integer.parseInt(value.strip());
                    } catch (NumberFormatException e) {
                        throw new UsageError("--managers: a number, not " + value);
                    }
                    if (managers < 0) throw new UsageError("--managers: a number of 0 or more, not " + value);
                }
                default -> name = value;
            }
        }
        try {
            dev.pipes.docker.cluster.JoinPlan.of(servers, managers); // a plan that cannot be is a usage error, before anything changes
        } catch (IllegalArgumentException e) {
            throw new UsageError(e.getMessage());
        }
        Path home = Services.home(call.environment());
        try {
            ClusterRecord record = ClusterSetup.init(new ClusterSetup.InitOptions(name, servers, etcd, registry, advertise, managers), home,
                    call.environment(), progress(call, "init"));
            call.println("cluster " + record.name() + " is up: router " + record.routerUrl() + ", etcd " + record.etcd()
                    + ", network " + record.network());
            call.println("the next pipesh runs in cluster mode (pipesh --embedded or PIPES_MODE=embedded: the embedded runtime)");
            return 0;
        } catch (IOException | RuntimeException e) {
            return call.fail(e.getMessage());
        }
    }

    private static int status(VerbCall call) {
        if (call.args().size() > 1) throw new UsageError(call.args().get(1) + ": unexpected argument");
        Optional<ClusterRecord> found;
        try {
            found = ClusterRecord.read(Services.home(call.environment()));
        } catch (RuntimeException e) {
            return call.fail(e.getMessage());
        }
        if (found.isEmpty()) {
            call.println("mode: embedded (no cluster: pipes init sets one up)");
            return 0;
        }
        ClusterRecord record = found.get();
        call.println("mode: cluster " + record.name());
        int status = 0;
        try (DockerClient docker = DockerConnection.connect(record.dockerHost())) {
            for (SwarmNode node : docker.listSwarmNodesCmd().exec()) {
                // a manager's standing in the managers' quorum: leader, reachable or unreachable
                String standing = node.getManagerStatus() == null ? "" : node.getManagerStatus().isLeader() ? " leader"
                        : node.getManagerStatus().getReachability() == null ? "" : " " + node.getManagerStatus().getReachability().name().toLowerCase(java.util.Locale.ROOT);
                call.println(String.format("node    %-20s %-8s %-8s %s%s", node.getDescription().getHostname(),
                        node.getSpec().getRole(), node.getStatus().getState(), node.getStatus().getAddress(), standing));
            }
            List<Service> services = docker.listServicesCmd().withLabelFilter(Map.of(ClusterSetup.LABEL_CLUSTER, record.name())).exec();
            for (Service s : services) {
                String kind = s.getSpec().getLabels() == null ? "" : s.getSpec().getLabels().getOrDefault(ClusterSetup.LABEL_KIND, "");
                long running = docker.listTasksCmd().withServiceFilter(s.getId()).exec().stream()
                        .filter(t -> t.getStatus() != null && t.getStatus().getState() == TaskState.RUNNING).count();
                long wanted = s.getSpec().getMode() != null && s.getSpec().getMode().getReplicated() != null
                        ? s.getSpec().getMode().getReplicated().getReplicas() : 0;
                String image = s.getSpec().getTaskTemplate().getContainerSpec().getImage();
                call.println(String.format("%-7s %-30s %d/%d running  %s", kind, s.getSpec().getName(), running, wanted, image));
            }
        } catch (IOException | RuntimeException e) {
            status = call.fail("docker: " + e.getMessage());
        }
        try (Etcd etcd = Etcd.connect(Etcd.parseEndpoints(record.etcd()))) {
            etcd.store(record.namespace()).get("cluster");
            call.println("etcd    " + record.etcd() + " healthy");
        } catch (RuntimeException e) {
            status = call.fail("etcd: " + e.getMessage());
        }
        call.println("router  " + record.routerUrl());
        return status;
    }

    private static int leave(VerbCall call) {
        if (call.args().size() > 1) throw new UsageError(call.args().get(1) + ": unexpected argument");
        try {
            ClusterSetup.leave(Services.home(call.environment()), progress(call, "leave"));
            call.println("left the cluster; the next pipesh runs embedded");
            return 0;
        } catch (IOException | RuntimeException e) {
            return call.fail(e.getMessage());
        }
    }
}
