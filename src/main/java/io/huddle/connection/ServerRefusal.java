package io.huddle.connection;

/**
 * A request the server cannot carry out now through no fault of the client (503): Redis unreachable, another node
 * not answering, this node at a limit. The message says so and that trying again later may work.
 */
public class ServerRefusal extends Refusal {

    public static final int SERVICE_UNAVAILABLE = 503;

    public ServerRefusal(String message) {
        super(message, SERVICE_UNAVAILABLE);
    }
}
