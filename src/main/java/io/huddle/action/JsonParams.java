package io.huddle.action;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON params as the plain Java values actions read: strings, {@link Long} for whole numbers that fit (else
 * {@link java.math.BigDecimal}), {@link Boolean}, {@code null}, {@link List} and {@link Map}.
 */
public final class JsonParams {

    private JsonParams() {
    }

    public static Map<String, Object> toMap(JsonObject object) {
        Map<String, Object> map = new LinkedHashMap<>();
        object.forEach((key, value) -> map.put(key, toJava(value)));
        return map;
    }

    static Object toJava(JsonValue value) {
        switch (value.getValueType()) {
            case STRING:
                return ((JsonString) value).getString();
            case NUMBER:
                JsonNumber number = (JsonNumber) value;
                if (number.isIntegral()) {
                    try {
                        return number.longValueExact();
                    } catch (ArithmeticException tooBig) {
                        return number.bigDecimalValue();
                    }
                }
                return number.bigDecimalValue();
            case TRUE:
                return Boolean.TRUE;
            case FALSE:
                return Boolean.FALSE;
            case ARRAY:
                List<Object> list = new ArrayList<>();
                ((JsonArray) value).forEach(item -> list.add(toJava(item)));
                return Collections.unmodifiableList(list);
            case OBJECT:
                return Collections.unmodifiableMap(toMap((JsonObject) value));
            default:
                return null;
        }
    }
}
