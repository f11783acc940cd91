package io.huddle.cluster;

import io.huddle.config.ClusterSettings;
import io.huddle.it.cluster.RedisProcess;
import org.junit.jupiter.api.Test;
import org.redisson.Redisson;
import org.redisson.api.RFuture;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.redisson.config.Config;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A node's pub/sub connection, configured as {@link RedissonSettings} configures it, against a real Redis: every
 * message published reaches the listener. Redisson's connection PING made it drop about one message in 100,000 at
 * Huddle's 5 s interval ({@link PubSubWithoutPing}); the test sets that interval to 10 ms, at which a subscriber
 * whose pub/sub connection is pinged loses hundreds of the messages below.
 */
class RedisPubSubDeliveryIT {

    private static final int CHANNELS = 10;
    private static final int MESSAGES = 100_000;
    private static final long QUIET_MILLIS = 5000;

    @Test
    void everyMessagePublishedReachesASubscriberWhileRedissonPingsItsConnections() throws Exception {
        try (RedisProcess redis = new RedisProcess(new File("target/redis-pubsub-it"))) {
            redis.start();
            Config subscriberConfig = RedissonSettings.of(new ClusterSettings(Optional.of(redis.address()),
                    Optional.empty(), Optional.empty(), "pubsub-it", 2000, 100, 10_000, 5000));
            subscriberConfig.useSingleServer().setPingConnectionInterval(10);
            Config publisherConfig = new Config().setCodec(StringCodec.INSTANCE);
            publisherConfig.useSingleServer().setAddress(redis.address());
            RedissonClient subscriber = Redisson.create(subscriberConfig);
            RedissonClient publisher = Redisson.create(publisherConfig);
            try {
                Set<Integer> heard = ConcurrentHashMap.newKeySet();
                for (int channel = 0; channel < CHANNELS; channel++) {
                    subscriber.getTopic("ch" + channel, StringCodec.INSTANCE).addListener(String.class,
                            (name, message) -> heard.add(Integer.parseInt(message.substring(0, message.indexOf('|')))));
                }
                publishAll(publisher);
                awaitQuiet(heard);
                Set<Integer> lost = new TreeSet<>();
                for (int i = 0; i < MESSAGES && lost.size() < 20; i++) {
                    if (!heard.contains(i)) {
                        lost.add(i);
                    }
                }
                assertEquals(MESSAGES, heard.size(), "messages the subscriber never got (first 20): " + lost);
            } finally {
                subscriber.shutdown();
                publisher.shutdown();
            }
        }
    }

    /** Messages of 0–3 KB, so reads often end inside one: the case the PING mishandled. */
    private static void publishAll(RedissonClient publisher) {
        Random sizes = new Random(13);
        List<RFuture<Long>> inFlight = new ArrayList<>();
        for (int i = 0; i < MESSAGES; i++) {
            String message = i + "|" + "x".repeat(sizes.nextInt(3000));
            inFlight.add(publisher.getTopic("ch" + (i % CHANNELS), StringCodec.INSTANCE).publishAsync(message));
            if (inFlight.size() == 500) {
                inFlight.forEach(published -> assertEquals(1L, published.toCompletableFuture().join()));
                inFlight.clear();
            }
        }
        inFlight.forEach(published -> assertEquals(1L, published.toCompletableFuture().join()));
    }

    private static void awaitQuiet(Set<Integer> heard) throws InterruptedException {
        int before = -1;
        long quietSince = System.nanoTime();
        while (heard.size() < MESSAGES && System.nanoTime() - quietSince < QUIET_MILLIS * 1_000_000) {
            if (heard.size() != before) {
                before = heard.size();
                quietSince = System.nanoTime();
            }
            Thread.sleep(50);
        }
    }
}
