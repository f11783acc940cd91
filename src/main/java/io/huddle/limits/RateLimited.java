package io.huddle.limits;

import io.huddle.connection.ClientError;
import io.huddle.connection.ErrorMessages;

/**
 * A request refused because one of its client's token buckets is empty: {@code /api} answers it with 429 and
 * {@code Retry-After}, the websocket with the error and a {@code retryAfter} field, both in milliseconds' worth of
 * waiting until a token is back.
 */
public final class RateLimited extends ClientError {

    /** HTTP's Too Many Requests. */
    public static final int STATUS = 429;

    private final long retryAfterMillis;

    public RateLimited(String limit, long retryAfterMillis) {
        super(ErrorMessages.rateLimitExceeded(limit), STATUS);
        this.retryAfterMillis = retryAfterMillis;
    }

    /** How long the client should wait before it asks again; at least 1. */
    public long retryAfterMillis() {
        return retryAfterMillis;
    }
}
