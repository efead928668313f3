package dev.pipes.engine.daemon.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QueryBodyTest {
    private static ApiRequest post(String contentType, byte[] body) {
        return ApiRequest.of("POST", "/", contentType == null ? Map.of() : Map.of("Content-Type", contentType), body);
    }

    private static ApiRequest post(String contentType, String body) {
        return post(contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theFormFieldQueryIsDecodedByteForByte() {
        byte[] query = QueryBody.of(post("application/x-www-form-urlencoded", "x=1&query=a+b%00%FF%0A&y=2"));
        assertArrayEquals(new byte[] {'a', ' ', 'b', 0, (byte) 0xff, '\n'}, query);
    }

    @Test
    void curlDataWithShellTextStaysText() {
        byte[] query = QueryBody.of(post("application/x-www-form-urlencoded; charset=utf-8", "query=$(rm -rf ~); reboot"));
        assertEquals("$(rm -rf ~); reboot", new String(query, StandardCharsets.UTF_8));
    }

    @Test
    void malformedFormsAreNamed() {
        assertEquals("malformed form: a '%' at byte 8 is not followed by two hexadecimal digits",
                assertThrows(IllegalArgumentException.class,
                        () -> QueryBody.of(post("application/x-www-form-urlencoded", "query=ab%zz"))).getMessage());
        assertThrows(IllegalArgumentException.class, () -> QueryBody.of(post("application/x-www-form-urlencoded", "query=%4")));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> QueryBody.of(post("application/x-www-form-urlencoded", "q=1"))).getMessage().contains("no field 'query'"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> QueryBody.of(post("application/x-www-form-urlencoded", "query=1&query=2"))).getMessage().contains("2 fields"));
    }

    @Test
    void jsonCarriesTextOrBase64() {
        assertEquals("héllo\n", new String(QueryBody.of(post("application/json", "{\"query\": \"héllo\\n\"}")), StandardCharsets.UTF_8));
        assertArrayEquals(new byte[] {0, 1, (byte) 0xfe}, QueryBody.of(post("application/json", "{\"query_base64\": \"AAH+\"}")));
    }

    @Test
    void malformedJsonIsNamed() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> QueryBody.of(post("application/json", "{\"query\": ")))
                .getMessage().startsWith("malformed JSON in the request body"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> QueryBody.of(post("application/json", "[1]")))
                .getMessage().contains("must be an object"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> QueryBody.of(post("application/json", "{\"query\": 3}")))
                .getMessage().contains("must be a string"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> QueryBody.of(post("application/json", "{}")))
                .getMessage().contains("no \"query\""));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> QueryBody.of(post("application/json", "{\"query_base64\": \"!!\"}")))
                .getMessage().contains("not base64"));
    }

    @Test
    void anyOtherBodyIsTheQueryAsIs() {
        byte[] raw = {(byte) 0xc3, 0x28, 0, '\n'};
        assertArrayEquals(raw, QueryBody.of(post("application/octet-stream", raw)));
        assertArrayEquals(raw, QueryBody.of(post(null, raw)));
        assertArrayEquals("query=x".getBytes(StandardCharsets.UTF_8), QueryBody.of(post("text/plain", "query=x")));
    }

    @Test
    void multipartIsRefusedWithAHint() {
        assertThrows(UnsupportedOperationException.class, () -> QueryBody.of(post("multipart/form-data; boundary=x", "--x")));
    }

    @Test
    void contentNegotiationAndBearerTokens() {
        ApiRequest json = ApiRequest.of("GET", "/jobs/x?wait=1", Map.of("Accept", "application/json, */*",
                "Authorization", "Bearer  abc "), new byte[0]);
        assertTrue(json.wantsJson());
        assertTrue(json.waits());
        assertEquals("abc", json.bearerToken().orElseThrow());
        assertEquals("/jobs/x", json.path());
        ApiRequest text = ApiRequest.of("GET", "/jobs/x?format=text", Map.of("Accept", "application/json"), new byte[0]);
        assertTrue(!text.wantsJson() && !text.waits() && text.bearerToken().isEmpty());
    }
}
