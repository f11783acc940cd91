package io.huddle.connection;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.config.PropertyOrderStrategy;

/**
 * Turns an outbound value into the text of one Primus frame: JSON-B (plain maps and values straight through JSON-P,
 * which is several times faster and writes the same text), with U+2028/U+2029 escaped as Primus does (they are legal
 * in JSON but end a line in older JavaScript engines).
 */
@ApplicationScoped
public class FrameEncoder {

    private final Jsonb jsonb = JsonbBuilder.create(new JsonbConfig()
            .withPropertyOrderStrategy(PropertyOrderStrategy.ANY));

    public String encode(Object value) {
        return escapeLineSeparators(PlainJson.isPlain(value) ? PlainJson.write(value) : jsonb.toJson(value));
    }

    /** The shared JSON-B instance (thread-safe), for code that needs to map JSON to types. */
    public Jsonb jsonb() {
        return jsonb;
    }

    /** Escapes U+2028/U+2029, which end a line inside a string literal in JavaScript before ES2019. */
    public static String escapeLineSeparators(String json) {
        if (json.indexOf('\u2028') < 0 && json.indexOf('\u2029') < 0) {
            return json;
        }
        return json.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029");
    }

    @PreDestroy
    void close() {
        try {
            jsonb.close();
        } catch (Exception ignored) {
            // nothing to release that matters at undeploy
        }
    }
}
