package io.huddle.connection;

/**
 * A request the client got wrong or is not allowed to make: what an action, a validator or chat middleware throws
 * to refuse it. Its message is shown to the client as is; its status is 400 unless ActionHero answers otherwise
 * (404 for an unknown action, 500 for a failed validator). Refusals for the server's own state are
 * {@link ServerRefusal}s.
 */
public class ClientError extends Refusal {

    public ClientError(String message) {
        this(message, 400);
    }

    public ClientError(String message, int status) {
        super(message, status);
    }
}
