package dev.pipes.engine.daemon.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pipes.engine.daemon.Daemon;
import dev.pipes.engine.daemon.DeployRequest;
import dev.pipes.engine.daemon.Json;
import dev.pipes.engine.daemon.WorkflowSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The daemon's control port, for pipes' own verbs: list, deploy and remove workflows, reach any
 * workflow's API ({@code /workflows/REF/api/...}, as trusted), stop the daemon. It listens on the
 * loopback interface only and every request but {@code /health} needs the admin key, which only
 * the owner of $PIPES_HOME can read.
 */
public final class ControlApi {
    private static final Pattern WORKFLOW = Pattern.compile("/workflows/([^/]+)(/api(/.*)?)?/?");

    private final Daemon daemon;

    public ControlApi(Daemon daemon) {
        this.daemon = daemon;
    }

    public ApiResponse handle(ApiRequest request) {
        String path = request.path();
        if (path.equals("/health")) {
            ObjectNode node = Json.object();
            node.put("status", "ok");
            node.put("pid", ProcessHandle.current().pid());
            node.put("workflows", daemon.workflows().size());
            return ApiResponse.json(200, node);
        }
        boolean admitted = request.bearerToken().map(t -> MessageDigest.isEqual(
                t.getBytes(StandardCharsets.UTF_8), daemon.adminKey().getBytes(StandardCharsets.UTF_8))).orElse(false);
        if (!admitted) return ApiResponse.error(401, "the control port needs the daemon's admin key");
        if (path.equals("/workflows") || path.equals("/workflows/")) {
            return switch (request.method()) {
                case "GET" -> list();
                case "POST" -> deploy(request);
                default -> WorkflowApi.notAllowed("GET, POST");
            };
        }
        if (path.equals("/shutdown")) {
            return WorkflowApi.only(request, "POST", () -> {
                CompletableFuture.runAsync(daemon::close);
                ObjectNode node = Json.object();
                node.put("status", "stopping");
                return ApiResponse.json(202, node);
            });
        }
        Matcher m = WORKFLOW.matcher(path);
        if (!m.matches()) return ApiResponse.error(404, "no such path: " + path);
        String ref = m.group(1);
        Optional<Daemon.Hosted> hosted = daemon.find(ref);
        if (hosted.isEmpty()) return ApiResponse.error(404, "no workflow named " + ref + " (pipes ps -a lists them)");
        if (m.group(2) != null) {
            if (!hosted.get().running()) {
                return ApiResponse.error(503, "workflow " + hosted.get().spec().name() + " is not running: " + hosted.get().failure());
            }
            String rest = m.group(3) == null ? "/" : m.group(3);
            return new WorkflowApi(hosted.get().workflow()).handle(request.withPath(rest), true, "/workflows/" + ref + "/api");
        }
        return switch (request.method()) {
            case "GET" -> ApiResponse.json(200, describe(hosted.get()));
            case "DELETE" -> {
                daemon.remove(hosted.get().spec().id());
                ObjectNode node = Json.object();
                node.put("removed", hosted.get().spec().id());
                node.put("name", hosted.get().spec().name());
                yield ApiResponse.json(200, node);
            }
            default -> WorkflowApi.notAllowed("GET, DELETE");
        };
    }

    private ApiResponse list() {
        ArrayNode array = Json.MAPPER.createArrayNode();
        for (Daemon.Hosted hosted : daemon.workflows()) array.add(describe(hosted));
        return ApiResponse.json(200, array);
    }

    private ApiResponse deploy(ApiRequest request) {
        try {
            DeployRequest deploy = DeployRequest.decode(new String(request.body(), StandardCharsets.UTF_8));
            Daemon.Deployed deployed = daemon.deploy(deploy);
            ObjectNode node = Json.object();
            node.put("id", deployed.id());
            node.put("name", deployed.name());
            node.put("api", deployed.api());
            node.put("address", deployed.address());
            if (deployed.token() == null) node.putNull("token");
            else node.put("token", deployed.token());
            return ApiResponse.json(201, node);
        } catch (IllegalArgumentException e) {
            return ApiResponse.error(400, e.getMessage());
        } catch (IOException e) {
            return ApiResponse.error(409, e.getMessage());
        }
    }

    /** A workflow as {@code pipes ps} shows it: running with its live figures, or why it is not. */
    static ObjectNode describe(Daemon.Hosted hosted) {
        WorkflowSpec spec = hosted.spec();
        ObjectNode node;
        if (hosted.running()) {
            node = WorkflowApi.describe(hosted.workflow());
            node.put("status", "running");
        } else {
            node = Json.object();
            node.put("id", spec.id());
            node.put("name", spec.name());
            node.put("pipeline", spec.pipeline());
            node.put("status", "failed");
            node.put("failure", hosted.failure());
        }
        node.put("api", hosted.api());
        node.put("address", spec.bind() + ":" + (hosted.server() != null ? hosted.server().port() : spec.port()));
        return node;
    }
}
