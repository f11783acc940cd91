package io.huddle.connection;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.config.PropertyOrderStrategy;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FrameEncoderTest {

    /** Records JSON-B maps by their accessors (it needs them public). */
    public record Point(int x, Double y) { }

    public record Text(String t) { }

    private final Jsonb yasson = JsonbBuilder.create(new JsonbConfig()
            .withPropertyOrderStrategy(PropertyOrderStrategy.ANY));
    private final FrameEncoder encoder = new FrameEncoder();

    /** The JSON-P fast path must write exactly what JSON-B writes. */
    @Test
    void plainValuesAreWrittenAsJsonbWritesThem() {
        Map<String, Object> reply = new LinkedHashMap<>();
        reply.put("payload", "h\u00e9llo \"quoted\" \\ \n\t\u0001 \ud83d\ude00");
        reply.put("none", null);
        reply.put("count", 42L);
        reply.put("small", 7);
        reply.put("short", (short) 3);
        reply.put("big", new BigInteger("123456789012345678901234567890"));
        reply.put("decimal", new BigDecimal("1.50"));
        reply.put("yes", Boolean.TRUE);
        reply.put("list", Arrays.asList("a", null, 1L, List.of()));
        reply.put("nested", Map.of("k", Map.of()));
        reply.put("json", Jsonp.objectBuilder().add("id", 5).addNull("n").build());
        reply.put("messageId", Jsonp.string("m-1"));
        List<Object> samples = List.of(reply, "primus::ping::1700000000000", List.of(1L, "x"), Map.of(),
                new ArrayList<>());
        for (Object sample : samples) {
            assertTrue(PlainJson.isPlain(sample), () -> "plain: " + sample);
            assertEquals(yasson.toJson(sample), encoder.encode(sample));
        }
    }

    @Test
    void anythingElseGoesThroughJsonb() {
        Map<String, Object> withRecord = Map.of("point", new Point(1, 2.5));
        Map<Object, Object> numberKeys = Map.of(1, "one");
        for (Object sample : List.of(withRecord, numberKeys, 2.5d, Map.of("f", 1.5f))) {
            assertFalse(PlainJson.isPlain(sample), () -> "not plain: " + sample);
            assertEquals(yasson.toJson(sample), encoder.encode(sample));
        }
    }

    @Test
    void lineSeparatorsAreEscapedOnBothPaths() {
        assertEquals("{\"t\":\"a\\u2028b\\u2029\"}", encoder.encode(Map.of("t", "a\u2028b\u2029")));
        assertEquals("{\"t\":\"a\\u2028b\"}", encoder.encode(new Text("a\u2028b")));
    }
}
