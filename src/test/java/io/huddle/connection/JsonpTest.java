package io.huddle.connection;

import org.junit.jupiter.api.Test;

import java.io.StringReader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** What {@link Jsonp#readClientJson} refuses, and with which words. */
class JsonpTest {

    @Test
    void jsonNestedToTheLimitIsReadAndOneLevelDeeperIsRefusedWithTheLimitInTheText() {
        assertEquals(Jsonp.MAX_DEPTH, depthOf(Jsonp.readClientJson(new StringReader(nested(Jsonp.MAX_DEPTH)))));
        Jsonp.UnreadableJson refused = assertThrows(Jsonp.UnreadableJson.class,
                () -> Jsonp.readClientJson(new StringReader(nested(Jsonp.MAX_DEPTH + 1))));
        assertEquals("the JSON is nested too deeply: at most 32 levels of arrays and objects", refused.getMessage());
    }

    @Test
    void arraysCountAsLevelsAndOnlyTheDeepestBranchMatters() {
        String wideButShallow = "{\"a\":[1,2,{\"b\":[]}],\"c\":" + nested(Jsonp.MAX_DEPTH - 1) + "}";
        Jsonp.readClientJson(new StringReader(wideButShallow));
        String deepArray = "[".repeat(Jsonp.MAX_DEPTH + 1) + "]".repeat(Jsonp.MAX_DEPTH + 1);
        assertThrows(Jsonp.UnreadableJson.class, () -> Jsonp.readClientJson(new StringReader(deepArray)));
    }

    /** An object {@code levels} deep: {"a":{"a":…1…}}. */
    private static String nested(int levels) {
        return "{\"a\":".repeat(levels - 1) + "{\"a\":1}" + "}".repeat(levels - 1);
    }

    private static int depthOf(jakarta.json.JsonValue value) {
        return value instanceof jakarta.json.JsonObject object ? 1 + depthOf(object.get("a")) : 0;
    }
}
