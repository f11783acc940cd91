package io.huddle.limits;

import io.huddle.config.LimitSettings;
import io.huddle.config.LimitSettings.Rate;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One connection's buckets: a burst, then refusals that say how long to wait, then a close for hammering. */
class ConnectionLimitsTest {

    /** Slow refills, so nothing comes back while a test runs: 1 token a second at most. */
    private static LimitSettings limits(Rate say, Rate hammering, Map<String, Rate> sayPerRoom) {
        Rate slow = new Rate(1, 3);
        return new LimitSettings(1000, slow, say, slow, slow, slow, slow, hammering, sayPerRoom, 10, slow);
    }

    private final Refusals refusals = new Refusals();
    private final AtomicInteger closes = new AtomicInteger();

    private ConnectionLimits connection(LimitSettings settings) {
        return new ConnectionLimits(new BucketShapes(settings, refusals), "conn-1", closes::incrementAndGet);
    }

    @Test
    void theBurstPassesThenARefusalSaysHowLongUntilTheNextToken() {
        ConnectionLimits limits = connection(limits(new Rate(1, 3), new Rate(1, 100), Map.of()));
        for (int i = 0; i < 3; i++) {
            limits.take(Limit.SAY);
        }
        RateLimited refused = assertThrows(RateLimited.class, () -> limits.take(Limit.SAY));
        assertEquals("rate limit exceeded (say)", refused.getMessage());
        assertEquals(429, refused.status());
        assertTrue(refused.retryAfterMillis() > 0 && refused.retryAfterMillis() <= 1000,
                "one token a second: at most a second to wait, was " + refused.retryAfterMillis());
        assertEquals(Map.of("say", 1L), refusals.counts());
    }

    @Test
    void eachLimitHasItsOwnBucket() {
        ConnectionLimits limits = connection(limits(new Rate(1, 1), new Rate(1, 100), Map.of()));
        limits.take(Limit.SAY);
        assertThrows(RateLimited.class, () -> limits.take(Limit.SAY));
        limits.take(Limit.ROOM_VERBS);
        limits.take(Limit.FRAMES);
    }

    @Test
    void aRoomWithItsOwnRateHasItsOwnBucketAndOthersShareTheGlobalOne() {
        ConnectionLimits limits = connection(limits(new Rate(1, 1), new Rate(1, 100),
                Map.of("bots", new Rate(1, 5), "free", Rate.OFF)));
        limits.takeSay("lobby");
        assertThrows(RateLimited.class, () -> limits.takeSay("kitchen"), "lobby and kitchen share the say bucket");
        for (int i = 0; i < 5; i++) {
            limits.takeSay("bots");
        }
        assertThrows(RateLimited.class, () -> limits.takeSay("bots"));
        for (int i = 0; i < 1000; i++) {
            limits.takeSay("free");
        }
    }

    @Test
    void aRateOfZeroNeverRefuses() {
        ConnectionLimits limits = connection(limits(Rate.OFF, new Rate(1, 100), Map.of()));
        for (int i = 0; i < 10_000; i++) {
            limits.take(Limit.SAY);
        }
        assertEquals(Map.of(), refusals.counts());
    }

    @Test
    void aConnectionRefusedPastTheHammeringBurstIsClosedOnce() {
        ConnectionLimits limits = connection(limits(new Rate(1, 1), new Rate(1, 5), Map.of()));
        limits.take(Limit.SAY);
        for (int i = 0; i < 5; i++) {
            assertThrows(RateLimited.class, () -> limits.take(Limit.SAY));
        }
        assertEquals(0, closes.get(), "five refusals are within the hammering burst");
        assertFalse(limits.isClosing());
        for (int i = 0; i < 20; i++) {
            assertThrows(RateLimited.class, () -> limits.take(Limit.SAY));
        }
        assertEquals(1, closes.get());
        assertTrue(limits.isClosing());
        assertEquals(Map.of("say", 25L, "hammering", 1L), refusals.counts());
    }

    @Test
    void aClientWithNothingToCloseIsOnlyRefused() {
        ConnectionLimits limits = new ConnectionLimits(new BucketShapes(limits(new Rate(1, 1), new Rate(1, 1),
                Map.of()), refusals), "address 10.0.0.1", null);
        for (int i = 0; i < 3; i++) {
            limits.take(Limit.ACTIONS); // the burst of actions here
        }
        for (int i = 0; i < 10; i++) {
            assertThrows(RateLimited.class, () -> limits.take(Limit.ACTIONS));
        }
        assertFalse(limits.isClosing());
    }

    @Test
    void connectionsBuiltWithoutLimitsAreNeverRefused() {
        for (int i = 0; i < 10_000; i++) {
            ConnectionLimits.NONE.take(Limit.FRAMES);
            ConnectionLimits.NONE.takeSay("any");
        }
    }
}
