package io.huddle.action.http;

import io.huddle.connection.ClientError;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** How an {@code /api} request's query, body and path become one params map. */
class ApiParamsTest {

    private static final byte[] NO_BODY = new byte[0];

    @Test
    void theQueryIsDecodedAndTheLastRepeatedValueWins() {
        assertEquals(Map.of("a", "1 2", "b", "é", "c", ""),
                ApiParams.merge("a=x&a=1+2&b=%C3%A9&c", null, NO_BODY, null));
    }

    @Test
    void aJsonBodyKeepsItsTypesAndOverridesTheQuery() {
        Map<String, Object> params = ApiParams.merge("a=query&q=1", "application/json; charset=utf-8",
                bytes("{\"a\":2,\"list\":[true,null],\"o\":{\"k\":\"v\"}}"), null);
        assertEquals(2L, params.get("a"));
        assertEquals("1", params.get("q"));
        assertEquals(Map.of("k", "v"), params.get("o"));
        assertEquals(2, ((List<?>) params.get("list")).size());
    }

    @Test
    void aFormBodyIsDecoded() {
        assertEquals(Map.of("a", "x & y"), ApiParams.merge(null, "application/x-www-form-urlencoded",
                bytes("a=x+%26+y"), null));
    }

    @Test
    void theActionInThePathWins() {
        assertEquals(Map.of("action", "status"), ApiParams.merge("action=echo", "application/json",
                bytes("{\"action\":\"other\"}"), "status"));
    }

    @Test
    void badBodiesAreClientErrorsWithTheirStatus() {
        assertError(400, "the request body is not valid JSON", "application/json", "{\"a\":");
        assertError(400, "the request body is not valid JSON", "application/json", "   ");
        assertError(400, "the JSON request body must be an object", "application/json", "\"text\"");
        assertError(415, "unsupported Content-Type text/csv: send application/json or application/x-www-form-urlencoded",
                "text/csv", "a,b");
        assertError(415, "unsupported Content-Type (none): send application/json or application/x-www-form-urlencoded",
                null, "a=b");
        ClientError badQuery = assertThrows(ClientError.class, () -> ApiParams.merge("a=%zz", null, NO_BODY, null));
        assertEquals(400, badQuery.status());
    }

    private static void assertError(int status, String message, String contentType, String body) {
        ClientError error = assertThrows(ClientError.class, () -> ApiParams.merge(null, contentType, bytes(body), null));
        assertEquals(message, error.getMessage());
        assertEquals(status, error.status());
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aNumberTooLongToReadIsAClearBadRequestNotAServerError() {
        for (String number : List.of("1".repeat(2000), "0." + "1".repeat(2000))) {
            ClientError error = assertThrows(ClientError.class, () -> ApiParams.merge(null, "application/json",
                    bytes("{\"payload\":" + number + "}"), null), number);
            assertEquals(400, error.status());
            assertEquals("a number in the JSON is too large to read", error.getMessage());
        }
    }

    @Test
    void jsonNestedDeeperThanTheParserAllowsIsAClearBadRequest() {
        String deep = "{\"payload\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}";
        ClientError error = assertThrows(ClientError.class, () -> ApiParams.merge(null, "application/json",
                bytes(deep), null));
        assertEquals(400, error.status());
    }
}
