package io.huddle.connection;

/**
 * A request Huddle did not carry out, with the text the client reads (verbs prefix it with {@code Error: },
 * actions don't) and the HTTP status {@code /api} answers with. Either the client's fault ({@link ClientError},
 * 4xx) or the server's state ({@link ServerRefusal}, 503: try again later).
 */
public abstract class Refusal extends RuntimeException {

    private final int status;

    protected Refusal(String message, int status) {
        super(message, null, false, false);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
