package io.huddle.cluster;

import org.redisson.api.RTopic;
import org.redisson.api.RedissonClient;
import org.redisson.api.listener.MessageListener;
import org.redisson.client.codec.StringCodec;

import java.util.concurrent.CompletableFuture;

/**
 * Opens the pub/sub channels of a node: sharded ({@code SSUBSCRIBE}/{@code SPUBLISH}) on a Redis Cluster, so a
 * room's messages stay on the shard that owns its hash tag instead of being broadcast to every shard; classic
 * pub/sub on a single Redis, sentinel or replicated setup (which Redis 6 supports too).
 */
final class PubSubTopics {

    private final RedissonClient redis;
    private final boolean sharded;

    PubSubTopics(RedissonClient redis, boolean sharded) {
        this.redis = redis;
        this.sharded = sharded;
    }

    RTopic topic(String channel) {
        return sharded ? redis.getShardedTopic(channel, StringCodec.INSTANCE)
                : redis.getTopic(channel, StringCodec.INSTANCE);
    }

    /**
     * Subscribes a listener; completes with its id once Redis confirmed the subscription, or exceptionally (never
     * throws) when it cannot be made.
     */
    CompletableFuture<Integer> listen(String channel, MessageListener<String> listener) {
        try {
            return topic(channel).addListenerAsync(String.class, listener).toCompletableFuture();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** Removes a listener; completes when Redis confirmed it, or exceptionally (never throws). */
    CompletableFuture<Void> unlisten(String channel, int listenerId) {
        try {
            return topic(channel).removeListenerAsync(listenerId).toCompletableFuture();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** Whether channels are sharded (Redis Cluster). */
    boolean sharded() {
        return sharded;
    }
}
