package io.huddle.limits;

/**
 * The per-connection token buckets, each named as its settings ({@code huddle.limits.<key>.rate}/{@code .burst}),
 * its error text ({@code rate limit exceeded (<key>)}) and its count in {@code status.refusals}.
 */
public enum Limit {
    /** Every inbound websocket frame but the heartbeat's pong. */
    FRAMES("frames"),
    /** {@code say}, per room where a room has its own rate. */
    SAY("say"),
    /** {@code action}, {@code file} and {@code documentation}; over {@code /api} per client, not per request. */
    ACTIONS("actions"),
    /** {@code roomAdd}, {@code roomLeave}, {@code roomView}, {@code roomHistory}. */
    ROOM_VERBS("roomVerbs"),
    /** {@code createChatRoom} calls. */
    ROOM_CREATE("roomCreate"),
    /** {@code setMetadata} calls. */
    METADATA("metadata"),
    /**
     * Every {@code /api} request, counted per client address: what all the fingerprints seen from one address spend
     * together, so that collecting fresh signed fingerprints does not buy fresh buckets.
     */
    API_ADDRESS("apiAddress");

    private final String key;

    Limit(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }
}
