package dev.pipes.engine.daemon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

/**
 * What {@code pipes run -d} asks the daemon to deploy: the pipeline, an optional name, where to
 * listen ({@code port} 0: a free port), the limits, whether a token is required, and the working
 * directory and exported environment every job of the workflow starts from.
 */
public record DeployRequest(String name, String pipeline, String bind, int port, Limits limits, boolean token, Path cwd,
                            Map<String, String> environment) {
    public static final String DEFAULT_BIND = "127.0.0.1";

    public DeployRequest {
        name = name == null ? "" : name;
        environment = Map.copyOf(environment);
        if (!name.isEmpty()) WorkflowSpec.checkName(name);
        if (port < 0 || port > 65535) throw new IllegalArgumentException("port must be between 0 and 65535, got " + port);
    }

    public String encode() {
        ObjectNode node = Json.object();
        node.put("name", name);
        node.put("pipeline", pipeline);
        node.put("bind", bind);
        node.put("port", port);
        node.set("limits", limits.toJson());
        node.put("token", token);
        node.put("cwd", cwd.toString());
        ObjectNode env = node.putObject("environment");
        new TreeMap<>(environment).forEach(env::put);
        return Json.write(node);
    }

    public static DeployRequest decode(String text) {
        JsonNode node = Json.parse(text, "the deploy request");
        Map<String, String> env = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.path("environment").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            env.put(e.getKey(), e.getValue().asText());
        }
        return new DeployRequest(node.path("name").asText(""), Json.text(node, "pipeline", "the deploy request"),
                node.path("bind").asText(DEFAULT_BIND), node.path("port").asInt(0), Limits.fromJson(node.get("limits")),
                node.path("token").asBoolean(true), Path.of(node.path("cwd").asText("/")), env);
    }
}
