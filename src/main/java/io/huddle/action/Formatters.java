package io.huddle.action;

import java.math.BigDecimal;

/** Ready-made {@link InputFormatter}s for values that arrive as text over HTTP and as JSON over the websocket. */
public final class Formatters {

    private Formatters() {
    }

    /** A whole number as a {@link Long}: from a JSON number or from text like {@code "42"}. */
    public static InputFormatter toLong() {
        return Formatters::asLong;
    }

    private static Object asLong(Object value) {
        try {
            if (value instanceof Long) {
                return value;
            }
            if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
                return ((Number) value).longValue();
            }
            if (value instanceof BigDecimal decimal) {
                return decimal.longValueExact();
            }
            if (value instanceof String text) {
                return Long.parseLong(text.trim());
            }
        } catch (ArithmeticException | NumberFormatException e) {
            throw InputRejected.mustBe("an integer");
        }
        throw InputRejected.mustBe("an integer");
    }
}
