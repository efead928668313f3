package dev.pipes.engine.daemon.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pipes.engine.daemon.Json;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * The query of a {@code POST}: the form field {@code query} ({@code curl -d query=DATA}), the
 * JSON {@code {"query": "text"}} or {@code {"query_base64": "..."}}, or else the raw body. The
 * query is data: bytes for the first stage's standard input, never shell text.
 */
public final class QueryBody {
    static final String FORM = "application/x-www-form-urlencoded";

    private QueryBody() {}

    /** The query's bytes; an {@link IllegalArgumentException} says what is malformed (the API answers 400). */
    public static byte[] of(ApiRequest request) {
        return switch (request.contentType()) {
            case FORM -> fromForm(request.body());
            case "application/json" -> fromJson(request.body());
            case "multipart/form-data" -> throw new UnsupportedOperationException(
                    "multipart forms are not read: send the query as a form field (curl -d query=DATA), JSON or a raw body");
            default -> request.body();
        };
    }

    private static byte[] fromForm(byte[] body) {
        List<FormFields.Field> fields = FormFields.parse(body, "form").stream().filter(f -> f.name().equals("query")).toList();
        if (fields.isEmpty()) {
            throw new IllegalArgumentException("the form has no field 'query' (send query=DATA, e.g. curl --data-urlencode query=DATA)");
        }
        if (fields.size() > 1) throw new IllegalArgumentException("the form has " + fields.size() + " fields 'query'; send one");
        return fields.get(0).value();
    }

    private static byte[] fromJson(byte[] body) {
        JsonNode node = Json.parse(new String(body, StandardCharsets.UTF_8), "the request body");
        if (!node.isObject()) throw new IllegalArgumentException("the JSON body must be an object such as {\"query\": \"text\"}");
        JsonNode text = node.get("query");
        JsonNode base64 = node.get("query_base64");
        if (text != null && base64 != null) throw new IllegalArgumentException("send either \"query\" or \"query_base64\", not both");
        if (text != null) {
            if (!text.isTextual()) throw new IllegalArgumentException("\"query\" must be a string");
            return text.asText().getBytes(StandardCharsets.UTF_8);
        }
        if (base64 != null) {
            if (!base64.isTextual()) throw new IllegalArgumentException("\"query_base64\" must be a string");
            try {
                return Base64.getDecoder().decode(base64.asText());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("\"query_base64\" is not base64: " + e.getMessage());
            }
        }
        throw new IllegalArgumentException("the JSON body has no \"query\" (or \"query_base64\") field");
    }
}
