package io.huddle.action.http;

import io.huddle.action.JsonParams;
import io.huddle.connection.ClientError;
import io.huddle.connection.ErrorMessages;
import io.huddle.connection.Jsonp;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The params of an {@code /api} request: the query string, then the body's keys on top (a form or a JSON object;
 * the last value of a repeated key wins), then the action named in the path, as ActionHero merges them.
 */
final class ApiParams {

    static final int BAD_REQUEST = 400;
    static final int UNSUPPORTED_MEDIA_TYPE = 415;

    private ApiParams() {
    }

    /** @param pathAction the action named by {@code /api/<action>}, or null for {@code /api?action=…} */
    static Map<String, Object> merge(String query, String contentType, byte[] body, String pathAction) {
        Map<String, Object> params = new LinkedHashMap<>();
        if (query != null) {
            params.putAll(decodeForm(query));
        }
        if (body.length > 0) {
            params.putAll(decodeBody(contentType, body));
        }
        if (pathAction != null) {
            params.put("action", pathAction);
        }
        return params;
    }

    private static Map<String, Object> decodeBody(String contentType, byte[] body) {
        String mediaType = contentType == null ? "" : contentType.split(";")[0].trim().toLowerCase(Locale.ROOT);
        if (mediaType.equals("application/json") || mediaType.endsWith("+json")) {
            return JsonParams.toMap(decodeJsonObject(body));
        }
        if (mediaType.equals("application/x-www-form-urlencoded")) {
            return decodeForm(new String(body, StandardCharsets.UTF_8));
        }
        throw new ClientError(ErrorMessages.unsupportedContentType(contentType == null ? "(none)" : contentType),
                UNSUPPORTED_MEDIA_TYPE);
    }

    private static JsonObject decodeJsonObject(byte[] body) {
        JsonValue value;
        try {
            value = Jsonp.readClientJson(new InputStreamReader(new ByteArrayInputStream(body), StandardCharsets.UTF_8));
        } catch (Jsonp.UnreadableJson e) {
            throw new ClientError(e.getMessage() == null ? ErrorMessages.BODY_NOT_JSON : e.getMessage(), BAD_REQUEST);
        }
        if (!(value instanceof JsonObject object)) {
            throw new ClientError(ErrorMessages.BODY_NOT_JSON_OBJECT, BAD_REQUEST);
        }
        return object;
    }

    /** {@code a=1&b=x+y}: UTF-8 percent-decoding; a key without {@code =} gets "". */
    static Map<String, Object> decodeForm(String form) {
        Map<String, Object> params = new LinkedHashMap<>();
        for (String pair : form.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String key = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            try {
                params.put(URLDecoder.decode(key, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                throw new ClientError(ErrorMessages.QUERY_NOT_DECODABLE, BAD_REQUEST);
            }
        }
        return params;
    }
}
