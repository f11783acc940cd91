package io.huddle.cluster;

import io.huddle.config.ClusterSettings;
import io.huddle.config.HistorySettings;
import io.huddle.it.cluster.RedisProcess;
import org.junit.jupiter.api.Test;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

import java.io.File;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The history's append script against a real Redis that is busy when a node's first say after Redis started
 * arrives: Redis answers after Huddle's timeout, and the say must still be kept and published (the channel then
 * brings it to every node, this one included).
 */
class RedisRoomHistoryIT {

    private static final long TIMEOUT_MILLIS = 500;
    private static final String ROOM = "first";
    private static final String SAY = "{\"chat\":\"the first say\"}";

    @Test
    void theFirstSayAfterRedisStartedIsKeptAndPublishedWhenRedisAnswersItAfterTheTimeout() throws Exception {
        try (RedisProcess redis = new RedisProcess(new File("target/redis-history-it"))) {
            redis.start();
            RedissonClient client = Redisson.create(RedissonSettings.of(new ClusterSettings(
                    Optional.of(redis.address()), Optional.empty(), Optional.empty(), "history-it", TIMEOUT_MILLIS,
                    100, 10_000, 5000)));
            try {
                RedisKeys keys = new RedisKeys("history-it");
                HistorySettings.Limits limits = new HistorySettings.Limits(100, 300);
                RedisRoomHistory history = new RedisRoomHistory(client, keys, new UnusedCodec(), false,
                        room -> limits);
                history.loadScripts(); // as the node does when it finds Redis
                BlockingQueue<String> published = new LinkedBlockingQueue<>();
                client.getTopic(keys.roomChannel(ROOM), StringCodec.INSTANCE)
                        .addListenerAsync(String.class, (channel, text) -> published.add(text))
                        .toCompletableFuture().get(5, TimeUnit.SECONDS);

                Thread busy = redis.busyFor(Duration.ofMillis(1500));
                Thread.sleep(200);
                CompletableFuture<Object> appended = history.appendAndPublish(ROOM, SAY, limits).toCompletableFuture();
                assertThrows(ExecutionException.class, () -> appended.get(10, TimeUnit.SECONDS),
                        "Redisson gives up after the timeout while Redis is busy");
                busy.join();

                String text = published.poll(5, TimeUnit.SECONDS);
                assertNotNull(text, "the say Redis answered late was never published");
                assertTrue(text.endsWith(" " + SAY), text);
                assertEquals(":1\r\n", redis.command("XLEN " + keys.history(ROOM)), "kept once");
            } finally {
                client.shutdown();
            }
        }
    }

    /** Appending and publishing takes text as it is: the codec is for reading, which this test does not. */
    private static final class UnusedCodec implements RoomCodec {

        @Override
        public String write(RoomMessage message) {
            throw new UnsupportedOperationException();
        }

        @Override
        public RoomMessage read(String text) {
            throw new UnsupportedOperationException();
        }
    }
}
