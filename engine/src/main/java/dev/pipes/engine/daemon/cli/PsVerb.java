package dev.pipes.engine.daemon.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pipes.engine.daemon.DaemonHome;
import dev.pipes.engine.daemon.DaemonStore;
import dev.pipes.engine.daemon.Json;
import dev.pipes.engine.daemon.Units;
import dev.pipes.engine.daemon.WorkflowSpec;
import dev.pipes.engine.service.FileConfigStore;
import dev.pipes.engine.verbs.PipesVerb;
import dev.pipes.engine.verbs.VerbCall;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code pipes ps [-a] [--format json]}: the workflows (id, name, pipeline, status, API address,
 * uptime, jobs done and failed). Without {@code -a} only those that run; with it also those that
 * could not start, and all of them while the daemon is not running ({@code stopped}). Never
 * starts the daemon. Only as {@code pipes ps}: a script's {@code ps} stays the system's.
 */
final class PsVerb implements PipesVerb {
    @Override
    public String name() {
        return "ps";
    }

    @Override
    public String usage() {
        return "pipes ps [-a] [--format json]";
    }

    @Override
    public String summary() {
        return "list the workflows (-a: also those not running)";
    }

    @Override
    public int run(VerbCall call) {
        VerbArgs args;
        boolean json;
        try {
            args = VerbArgs.parse(call.args(), Set.of("-a", "--all"), Set.of("--format"));
            json = args.json();
            if (!args.operands().isEmpty()) return call.usage(this, "unexpected argument " + args.operands().get(0));
        } catch (IllegalArgumentException e) {
            return call.usage(this, e.getMessage());
        }
        boolean all = args.has("-a", "--all");
        DaemonHome home = DaemonVerbs.home(call);
        List<JsonNode> workflows = new ArrayList<>();
        Optional<DaemonClient> daemon = DaemonClient.connect(home);
        if (daemon.isPresent()) {
            try (DaemonClient client = daemon.get()) {
                DaemonVerbs.body(client.get("/workflows"), 200).forEach(workflows::add);
            } catch (IOException e) {
                return call.fail(e.getMessage());
            }
        } else {
            for (WorkflowSpec spec : new DaemonStore(new FileConfigStore(home.store())).workflows(problem -> { })) {
                workflows.add(stopped(spec));
            }
        }
        List<JsonNode> shown = workflows.stream().filter(w -> all || w.path("status").asText().equals("running")).toList();
        if (json) {
            ArrayNode array = Json.MAPPER.createArrayNode();
            shown.forEach(array::add);
            call.println(Json.write(array));
            return 0;
        }
        if (daemon.isEmpty() && !workflows.isEmpty()) {
            hint(call, "the pipes daemon is not running; " + workflows.size()
                    + " workflow(s) recorded (pipes ps -a lists them; pipes daemon start brings them back)");
        }
        call.print(table(shown));
        return 0;
    }

    private static ObjectNode stopped(WorkflowSpec spec) {
        ObjectNode node = Json.object();
        node.put("id", spec.id());
        node.put("name", spec.name());
        node.put("pipeline", spec.pipeline());
        node.put("status", "stopped");
        node.put("api", "http://" + spec.bind() + ":" + spec.port() + "/");
        node.put("address", spec.bind() + ":" + spec.port());
        return node;
    }

    static String table(List<JsonNode> workflows) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"ID", "NAME", "STATUS", "API", "UPTIME", "DONE", "FAILED", "PIPELINE"});
        for (JsonNode w : workflows) {
            boolean running = w.path("status").asText().equals("running");
            rows.add(new String[] {w.path("id").asText(), w.path("name").asText(), w.path("status").asText(),
                    w.path("api").asText(),
                    running ? Units.shortDuration(Duration.ofSeconds(w.path("uptime_seconds").asLong())) : "-",
                    running ? w.path("jobs_done").asText() : "-", running ? w.path("jobs_failed").asText() : "-",
                    w.path("pipeline").asText().replaceAll("\\s+", " ")});
        }
        int[] width = new int[rows.get(0).length];
        for (String[] row : rows) for (int i = 0; i < row.length; i++) width[i] = Math.max(width[i], row[i].length());
        StringBuilder out = new StringBuilder();
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                out.append(row[i]);
                if (i < row.length - 1) out.append(" ".repeat(width[i] - row[i].length() + 2));
            }
            out.append('\n');
        }
        return out.toString();
    }

    private static void hint(VerbCall call, String message) {
        try {
            call.err().write(("pipes ps: " + message + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException e) {
            // nowhere to say it
        }
    }
}
