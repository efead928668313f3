package dev.pipes.engine.daemon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A deployed workflow as the store keeps it: the pipeline's text (parsed again at each start), where
 * its API listens ({@code fixedPort}: the user chose the port; else the system did, and a restart
 * tries the same one first), its limits, the hash of its token (empty: no token required) and what each job
 * starts from (the working directory and exported environment of the shell that deployed it).
 */
public record WorkflowSpec(String id, String name, String pipeline, String bind, int port, boolean fixedPort, Limits limits,
                           String tokenHash, Path cwd, Map<String, String> environment, Instant created) {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,62}");

    public WorkflowSpec {
        checkName(name);
        environment = Map.copyOf(environment);
        tokenHash = tokenHash == null ? "" : tokenHash;
        if (port < 0 || port > 65535) throw new IllegalArgumentException("port must be between 0 and 65535, got " + port);
    }

    public static void checkName(String name) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("invalid workflow name '" + name
                    + "': use up to 63 letters, digits, '_', '.' and '-', starting with a letter or digit");
        }
    }

    /** Whether the API asks for the token (the default). */
    public boolean requiresToken() {
        return !tokenHash.isEmpty();
    }

    /** The same workflow listening on {@code newPort} (the port the system chose is kept across restarts). */
    public WorkflowSpec withPort(int newPort) {
        return new WorkflowSpec(id, name, pipeline, bind, newPort, fixedPort, limits, tokenHash, cwd, environment, created);
    }

    public String encode() {
        ObjectNode node = Json.object();
        node.put("id", id);
        node.put("name", name);
        node.put("pipeline", pipeline);
        node.put("bind", bind);
        node.put("port", port);
        node.put("fixed_port", fixedPort);
        node.set("limits", limits.toJson());
        node.put("token_sha256", tokenHash);
        node.put("cwd", cwd.toString());
        ObjectNode env = node.putObject("environment");
        new TreeMap<>(environment).forEach(env::put);
        Json.putTime(node, "created", created);
        return Json.pretty(node);
    }

    /** Reads what {@link #encode} wrote; {@code where} names the entry in errors. */
    public static WorkflowSpec decode(String text, String where) {
        try {
            JsonNode node = Json.parse(text, where);
            Map<String, String> env = new TreeMap<>();
            JsonNode envNode = node.path("environment");
            for (Iterator<Map.Entry<String, JsonNode>> it = envNode.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                env.put(e.getKey(), e.getValue().asText());
            }
            return new WorkflowSpec(Json.text(node, "id", where), Json.text(node, "name", where),
                    Json.text(node, "pipeline", where), node.path("bind").asText("127.0.0.1"), node.path("port").asInt(0),
                    node.path("fixed_port").asBoolean(false),
                    Limits.fromJson(node.get("limits")), node.path("token_sha256").asText(""),
                    Path.of(node.path("cwd").asText("/")), env, Json.time(node, "created"));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("corrupt workflow entry " + where + ": " + e.getMessage(), e);
        }
    }
}
