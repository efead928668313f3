package dev.pipes.engine.daemon.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pipes.engine.daemon.DaemonHome;
import dev.pipes.engine.daemon.DaemonStore;
import dev.pipes.engine.daemon.WorkflowSpec;
import dev.pipes.engine.service.FileConfigStore;
import dev.pipes.engine.verbs.PipesVerb;
import dev.pipes.engine.verbs.VerbCall;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

/**
 * {@code pipes query [--name NAME|ID] [DATA...]}: runs DATA (the words joined by spaces and ended
 * with a newline, as a here-string is; none: standard input, byte for byte) through a workflow,
 * streams the result as it comes, and exits with the job's status. Ctrl-C cancels the job.
 */
final class QueryVerb implements PipesVerb {
    private static final Set<String> VALUES = Set.of("--name");

    private final DaemonLauncher launcher;

    QueryVerb(DaemonLauncher launcher) {
        this.launcher = launcher;
    }

    @Override
    public String name() {
        return "query";
    }

    @Override
    public String usage() {
        return "pipes query [--name NAME|ID] [DATA...]";
    }

    @Override
    public String summary() {
        return "run data through a workflow and print the result (no DATA: standard input)";
    }

    @Override
    public int run(VerbCall call) {
        VerbArgs args;
        try {
            args = VerbArgs.parse(call.args(), Set.of(), VALUES);
        } catch (IllegalArgumentException e) {
            return call.usage(this, e.getMessage());
        }
        DaemonHome home = DaemonVerbs.home(call);
        List<WorkflowSpec> recorded = new DaemonStore(new FileConfigStore(home.store())).workflows(problem -> { });
        if (recorded.isEmpty()) return call.fail("no workflow is deployed (pipes run -d PIPELINE deploys one)");
        String ref;
        if (args.value("--name").isPresent()) {
            ref = args.value("--name").get();
        } else if (recorded.size() == 1) {
            ref = recorded.get(0).name();
        } else {
            return call.usage(this, recorded.size() + " workflows are deployed: say which with --name (pipes ps lists them)");
        }
        byte[] query;
        try {
            query = args.operands().isEmpty() ? call.in().readAllBytes()
                    : (String.join(" ", args.operands()) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            return call.fail("cannot read the query from standard input: " + e.getMessage());
        }
        try (DaemonClient client = DaemonClient.connectOrStart(home, launcher)) {
            return query(client, call, ref, query);
        } catch (IOException e) {
            return call.fail(e.getMessage());
        }
    }

    private int query(DaemonClient client, VerbCall call, String ref, byte[] query) throws IOException {
        String api = "/workflows/" + URLEncoder.encode(ref, StandardCharsets.UTF_8) + "/api";
        JsonNode accepted = DaemonVerbs.body(client.post(api + "/", query, "application/octet-stream"), 202);
        String job = accepted.path("id").asText();
        try {
            int status = client.stream(api + "/jobs/" + job + "/output", call.out());
            if (status != 200) return call.fail("cannot read the output of job " + job + " (the daemon answered " + status + ")");
        } catch (InterruptedException e) {
            Thread.interrupted();
            client.delete(api + "/jobs/" + job);
            return 130;
        }
        JsonNode record = DaemonVerbs.body(client.get(api + "/jobs/" + job + "?wait=1"), 200);
        int exit = record.path("exit_status").asInt(1);
        return switch (record.path("status").asText()) {
            case "done" -> 0;
            case "canceled" -> {
                call.fail("job " + job + " was canceled");
                yield exit == 0 ? 143 : exit;
            }
            default -> {
                call.fail("job " + job + " " + record.path("status").asText() + ": " + record.path("error").asText());
                yield exit == 0 ? 1 : exit;
            }
        };
    }
}
