package io.huddle.connection;

/**
 * Why a connection is closed: the websocket close code and the reason sent with it (RFC 6455 §7.4; a reason is at
 * most 123 UTF-8 bytes). The container's own close types stay in {@code websocket}.
 */
public record CloseStatus(int code, String reason) {

    /** The purpose of the connection was fulfilled: a deliberate end by the server. */
    public static final int NORMAL_CLOSURE = 1000;
    /** The server is going down or the application is undeployed. */
    public static final int GOING_AWAY = 1001;
    /** The client broke a rule, e.g. it did not read its frames fast enough. */
    public static final int VIOLATED_POLICY = 1008;
    /**
     * A client that kept sending past its rate limits after being refused: sent after {@code primus::server::close},
     * so the stock client does not reconnect (spec §1.5) and start over with full buckets.
     */
    public static final CloseStatus RATE_LIMITED = new CloseStatus(VIOLATED_POLICY, "rate limit exceeded");
    /** The client sent a frame larger than the server takes. */
    public static final int TOO_BIG = 1009;
    /** The server is restarting; the client may reconnect. */
    public static final int SERVICE_RESTART = 1012;
}
