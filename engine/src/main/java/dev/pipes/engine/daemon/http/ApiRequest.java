package dev.pipes.engine.daemon.http;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One HTTP request as the API sees it, free of Netty: method, path (decoded, without the query
 * string), query parameters, the headers the API reads (names in lowercase) and the body.
 */
public record ApiRequest(String method, String path, Map<String, List<String>> parameters, Map<String, String> headers,
                         byte[] body) {
    public ApiRequest {
        parameters = Map.copyOf(parameters);
        headers = Map.copyOf(headers);
    }

    /** Splits a request target ({@code /jobs/x?wait=1}); a malformed one is an {@link IllegalArgumentException}. */
    public static ApiRequest of(String method, String target, Map<String, String> headers, byte[] body) {
        URI uri;
        try {
            uri = new URI(target);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("malformed request target: " + e.getMessage());
        }
        String path = uri.getPath() == null || uri.getPath().isEmpty() ? "/" : uri.getPath();
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        String query = uri.getRawQuery();
        if (query != null && !query.isEmpty()) {
            for (FormFields.Field field : FormFields.parse(query.getBytes(StandardCharsets.US_ASCII), "query string")) {
                parameters.computeIfAbsent(field.name(), k -> new ArrayList<>())
                        .add(new String(field.value(), StandardCharsets.UTF_8));
            }
        }
        Map<String, String> lower = new LinkedHashMap<>();
        headers.forEach((k, v) -> lower.put(k.toLowerCase(Locale.ROOT), v));
        return new ApiRequest(method.toUpperCase(Locale.ROOT), path, parameters, lower, body);
    }

    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
    }

    public Optional<String> parameter(String name) {
        List<String> values = parameters.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** {@code ?wait=1} (also {@code true}, {@code yes}): answer once the job ended. */
    public boolean waits() {
        return parameter("wait").map(v -> v.equals("1") || v.equalsIgnoreCase("true") || v.equalsIgnoreCase("yes"))
                .orElse(false);
    }

    /** Content negotiation: JSON when the client accepts {@code application/json} (or asks {@code ?format=json}). */
    public boolean wantsJson() {
        if (parameter("format").map("json"::equalsIgnoreCase).orElse(false)) return true;
        if (parameter("format").map("text"::equalsIgnoreCase).orElse(false)) return false;
        return header("accept").map(a -> a.toLowerCase(Locale.ROOT).contains("application/json")).orElse(false);
    }

    /** The media type of the body, lowercase, without parameters; empty when none was sent. */
    public String contentType() {
        String type = header("content-type").orElse("");
        int semicolon = type.indexOf(';');
        return (semicolon < 0 ? type : type.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
    }

    /** The bearer token of the {@code Authorization} header, if one was sent. */
    public Optional<String> bearerToken() {
        return header("authorization").map(String::strip).filter(h -> h.regionMatches(true, 0, "Bearer ", 0, 7))
                .map(h -> h.substring(7).strip());
    }

    /** This request with {@code path} instead (the control port hands a workflow's part of its path on). */
    public ApiRequest withPath(String newPath) {
        return new ApiRequest(method, newPath, parameters, headers, body);
    }
}
