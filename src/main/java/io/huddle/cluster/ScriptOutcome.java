package io.huddle.cluster;

import org.redisson.client.RedisConnectionException;
import org.redisson.client.RedisException;
import org.redisson.client.RedisOutOfMemoryException;
import org.redisson.client.RedisReadonlyException;
import org.redisson.client.RedisResponseTimeoutException;
import org.redisson.client.RedisRetryException;
import org.redisson.client.RedisTimeoutException;

import java.net.ConnectException;
import java.nio.channels.ClosedChannelException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * What a failed script call says about the script: whether Redis certainly did not run it. Redisson fails a call it
 * could not write ({@link RedisConnectionException}, or a {@link RedisTimeoutException} while waiting for a connection
 * or the write; or with the connect or write error itself, {@link ConnectException} or {@link ClosedChannelException},
 * wrapped in a plain {@code RedisException}, as when Redis is down) and one Redis refused before running anything
 * (out of memory, a read-only replica, loading, busy, cluster down); after the write, a missing answer ({@link RedisResponseTimeoutException}) or anything else leaves
 * open whether it ran.
 */
final class ScriptOutcome {

    private ScriptOutcome() {
    }

    /** Whether the call that failed with {@code failure} certainly did not run its script. */
    static boolean certainlyNotRun(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException
                || cause.getClass() == RedisException.class) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof RedisResponseTimeoutException) {
            return false;
        }
        return cause instanceof RedisConnectionException || cause instanceof RedisTimeoutException
                || cause instanceof RedisOutOfMemoryException || cause instanceof RedisReadonlyException
                || cause instanceof RedisRetryException || cause instanceof ConnectException
                || cause instanceof ClosedChannelException;
    }
}
