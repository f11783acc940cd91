package io.huddle.limits;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The bounded map of {@code /api} clients: a key keeps its value while used; floods and idle keys are forgotten. */
class RecentKeysTest {

    private final AtomicLong now = new AtomicLong();

    @Test
    void aKeyInUseKeepsItsValue() {
        RecentKeys<Object> keys = new RecentKeys<>(100, 1000, now::get);
        Object first = keys.get("a", k -> new Object());
        assertSame(first, keys.get("a", k -> new Object()));
    }

    @Test
    void aMillionFreshKeysNeverHoldMoreThanTheCapacity() {
        RecentKeys<Object> keys = new RecentKeys<>(1000, Long.MAX_VALUE, now::get);
        Object kept = keys.get("regular", k -> new Object());
        for (int i = 0; i < 1_000_000; i++) {
            keys.get("random-" + i, k -> Boolean.TRUE);
            assertTrue(keys.size() <= 1000, "size " + keys.size() + " after " + i);
            if (i % 100 == 0) {
                assertSame(kept, keys.get("regular", k -> new Object()), "a key used every generation stays");
            }
        }
    }

    @Test
    void aKeyIdleForTwoGenerationsIsForgottenAndOneSeenInTheLastIsKept() {
        RecentKeys<Object> keys = new RecentKeys<>(100, 1000, now::get);
        Object idle = keys.get("idle", k -> new Object());
        Object busy = keys.get("busy", k -> new Object());
        now.addAndGet(1001);
        keys.get("tick", k -> new Object()); // the first generation ends
        assertSame(busy, keys.get("busy", k -> new Object()), "moved into the new generation");
        now.addAndGet(1001);
        keys.get("tick2", k -> new Object()); // the second ends: idle was in neither
        assertNotSame(idle, keys.get("idle", k -> new Object()));
        assertSame(busy, keys.get("busy", k -> new Object()));
        assertEquals(true, keys.size() <= 100);
    }
}
