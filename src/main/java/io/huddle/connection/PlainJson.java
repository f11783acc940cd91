package io.huddle.connection;

import jakarta.json.JsonValue;
import jakarta.json.stream.JsonGenerator;

import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.Map;

/**
 * Writes "plain" values with the JSON-P generator: JSON-P values, strings, booleans, whole numbers, null, and maps
 * (string keys) and collections of those. That is what action replies and pushes are made of, and JSON-B spends most
 * of an RPC's encoding time finding a serializer for each {@code Object}-typed map value (11% of the server's CPU
 * in the RPC profile). The output is what JSON-B writes for the same value; anything else is left to JSON-B.
 */
final class PlainJson {

    /** Deeper trees are left to JSON-B, which bounds nothing either but is not on a per-frame path. */
    private static final int MAX_DEPTH = 16;

    private PlainJson() {
    }

    /** True if {@link #write} can write {@code value}. */
    static boolean isPlain(Object value) {
        return isPlain(value, 0);
    }

    private static boolean isPlain(Object value, int depth) {
        if (value == null || value instanceof String || value instanceof Boolean || value instanceof JsonValue
                || value instanceof Long || value instanceof Integer || value instanceof Short
                || value instanceof Byte || value instanceof BigInteger || value instanceof BigDecimal) {
            return true;
        }
        if (depth >= MAX_DEPTH) {
            return false;
        }
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (!(entry.getKey() instanceof String) || !isPlain(entry.getValue(), depth + 1)) {
                    return false;
                }
            }
            return true;
        }
        if (value instanceof Collection<?> collection) {
            for (Object item : collection) {
                if (!isPlain(item, depth + 1)) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    /** The JSON text of a value {@link #isPlain} accepted. */
    static String write(Object value) {
        StringWriter text = new StringWriter(128);
        try (JsonGenerator out = Jsonp.generator(text)) {
            writeValue(out, value);
        }
        return text.toString();
    }

    private static void writeValue(JsonGenerator out, Object value) {
        if (value == null) {
            out.writeNull();
        } else if (value instanceof String s) {
            out.write(s);
        } else if (value instanceof JsonValue json) {
            out.write(json);
        } else if (value instanceof Boolean b) {
            out.write(b);
        } else if (value instanceof BigDecimal d) {
            out.write(d);
        } else if (value instanceof BigInteger i) {
            out.write(i);
        } else if (value instanceof Number n) {
            out.write(n.longValue());
        } else if (value instanceof Map<?, ?> map) {
            out.writeStartObject();
            map.forEach((key, item) -> {
                out.writeKey((String) key);
                writeValue(out, item);
            });
            out.writeEnd();
        } else {
            out.writeStartArray();
            for (Object item : (Collection<?>) value) {
                writeValue(out, item);
            }
            out.writeEnd();
        }
    }
}
