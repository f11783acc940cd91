package io.huddle.connection;

/**
 * A request the client got wrong or is not allowed to make: its message is shown to the client as is
 * (verbs prefix it with {@code Error: }, actions don't), and {@code status} is the HTTP status over {@code /api}.
 */
public class ClientError extends RuntimeException {

    private final int status;

    public ClientError(String message) {
        this(message, 400);
    }

    public ClientError(String message, int status) {
        super(message, null, false, false);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
