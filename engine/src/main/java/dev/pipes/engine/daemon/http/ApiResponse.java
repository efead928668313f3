package dev.pipes.engine.daemon.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pipes.engine.daemon.Json;
import dev.pipes.engine.daemon.JobOutput;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** What the API answers, free of Netty: a whole body, a body streamed as a job produces it, or an answer to come. */
public sealed interface ApiResponse {
    String JSON = "application/json";
    String TEXT = "text/plain; charset=utf-8";
    String BYTES = "application/octet-stream";

    /** A complete answer. */
    record Full(int status, String contentType, byte[] body, Map<String, String> headers) implements ApiResponse {
        public Full {
            headers = Map.copyOf(headers);
        }

        public Full withHeader(String name, String value) {
            Map<String, String> more = new LinkedHashMap<>(headers);
            more.put(name, value);
            return new Full(status, contentType, body, more);
        }

        public String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /**
     * A job's output, streamed from its start as it is produced until the job ended; the trailer
     * carries the job's status.
     */
    record Streamed(JobOutput output, CompletableFuture<? extends Object> ended, Map<String, String> headers)
            implements ApiResponse {}

    /** An answer that comes later (a {@code ?wait=1} request). */
    record Deferred(CompletableFuture<ApiResponse> answer) implements ApiResponse {}

    static Full json(int status, JsonNode body) {
        return new Full(status, JSON, (Json.write(body) + "\n").getBytes(StandardCharsets.UTF_8), Map.of());
    }

    static Full text(int status, String body) {
        return new Full(status, TEXT, body.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    /** Every error is JSON: {@code {"error": MESSAGE, "status": CODE}}. */
    static Full error(int status, String message) {
        ObjectNode node = Json.object();
        node.put("error", message);
        node.put("status", status);
        return json(status, node);
    }
}
