package dev.pipes.engine.daemon.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pipes.engine.daemon.DeployRequest;
import dev.pipes.engine.daemon.Json;
import dev.pipes.engine.daemon.Limits;
import dev.pipes.engine.daemon.Units;
import dev.pipes.engine.verbs.PipesVerb;
import dev.pipes.engine.verbs.VerbCall;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * {@code pipes run -d [OPTIONS] PIPELINE}: deploys the pipeline as a workflow hosted by the daemon
 * (started when none runs) and prints its id, name, API address and token. The token is shown
 * this once; the daemon keeps only its hash.
 */
final class RunVerb implements PipesVerb {
    private static final Set<String> FLAGS = Set.of("-d", "--detach", "--no-token");
    private static final Set<String> VALUES = Set.of("--name", "--port", "--bind", "--concurrency", "--queue", "--keep",
            "--keep-jobs", "--max-query", "--max-output", "--format");

    private final DaemonLauncher launcher;

    RunVerb(DaemonLauncher launcher) {
        this.launcher = launcher;
    }

    @Override
    public String name() {
        return "run";
    }

    @Override
    public String usage() {
        return "pipes run -d [--name NAME] [--port P] [--bind ADDR] [--concurrency N] [--queue N] [--keep DURATION] "
                + "[--keep-jobs N] [--max-query SIZE] [--max-output SIZE] [--no-token] [--format json] PIPELINE";
    }

    @Override
    public String summary() {
        return "deploy a pipeline as a workflow with an HTTP API (pipes query, ps, logs, rm)";
    }

    @Override
    public int run(VerbCall call) {
        VerbArgs args;
        DeployRequest request;
        try {
            args = VerbArgs.parse(call.args(), FLAGS, VALUES);
            if (!args.has("-d", "--detach")) {
                return call.usage(this, "only detached runs exist: add -d (to run a pipeline here and now, type it)");
            }
            if (args.operands().isEmpty()) return call.usage(this, "no pipeline given (quote it: pipes run -d 'a | b')");
            request = request(args, call);
            args.json();
        } catch (IllegalArgumentException e) {
            return call.usage(this, e.getMessage());
        }
        JsonNode deployed;
        try (DaemonClient client = DaemonClient.connectOrStart(DaemonVerbs.home(call), launcher)) {
            deployed = DaemonVerbs.body(client.post("/workflows", request.encode().getBytes(StandardCharsets.UTF_8),
                    "application/json"), 201);
        } catch (IOException e) {
            return call.fail(e.getMessage());
        }
        if (args.json()) {
            ObjectNode out = Json.object();
            for (String field : new String[] {"id", "name", "api", "address", "token"}) out.set(field, deployed.get(field));
            call.println(Json.write(out));
        } else {
            call.println("id      " + deployed.path("id").asText());
            call.println("name    " + deployed.path("name").asText());
            call.println("api     " + deployed.path("api").asText());
            call.println("token   " + (deployed.path("token").isNull() ? "(none: --no-token)" : deployed.path("token").asText()));
        }
        if (!deployed.path("token").isNull()) {
            warn(call, "keep the token: it is shown only this once (the daemon stores its hash); send it as 'Authorization: Bearer TOKEN'");
        } else if (!loopback(request.bind())) {
            warn(call, "the API on " + request.bind() + " takes queries from anyone who can reach it: no token is required");
        }
        return 0;
    }

    private static DeployRequest request(VerbArgs args, VerbCall call) {
        Limits limits = Limits.DEFAULTS
                .withConcurrency(args.intValue("--concurrency", Limits.DEFAULTS.concurrency()))
                .withQueue(args.intValue("--queue", Limits.DEFAULTS.queue()))
                .withKeepJobs(args.intValue("--keep-jobs", Limits.DEFAULTS.keepJobs()));
        if (args.value("--keep").isPresent()) limits = limits.withKeep(Units.parseDuration(args.value("--keep").get()));
        if (args.value("--max-query").isPresent()) limits = limits.withMaxQuery(Units.parseSize(args.value("--max-query").get()));
        if (args.value("--max-output").isPresent()) limits = limits.withMaxOutput(Units.parseSize(args.value("--max-output").get()));
        String bind = args.value("--bind").orElse(DeployRequest.DEFAULT_BIND);
        return new DeployRequest(args.value("--name").orElse(""), String.join(" ", args.operands()), bind,
                args.intValue("--port", 0), limits, !args.has("--no-token"), call.cwd(), call.environment());
    }

    private static boolean loopback(String bind) {
        try {
            return InetAddress.getByName(bind).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static void warn(VerbCall call, String message) {
        try {
            call.err().write(("pipes run: " + message + "\n").getBytes(StandardCharsets.UTF_8));
            call.err().flush();
        } catch (IOException e) {
            // nowhere to warn
        }
    }
}
