package io.huddle.action;

/**
 * Thrown by an {@link InputFormatter} or {@link InputValidator} to say what the value must be; the client sees
 * {@code "<input> must be <expected>"}, e.g. {@code n must be <= 10}.
 */
public final class InputRejected extends RuntimeException {

    private final String expected;

    private InputRejected(String expected) {
        super("must be " + expected, null, false, false);
        this.expected = expected;
    }

    /** {@code expected} completes the sentence "&lt;input&gt; must be …". */
    public static InputRejected mustBe(String expected) {
        return new InputRejected(expected);
    }

    public String expected() {
        return expected;
    }
}
