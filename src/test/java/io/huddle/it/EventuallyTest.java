package io.huddle.it;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static io.huddle.it.Eventually.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The integration tests' one way to wait: repeat the test's own assertions until they pass or time is up. */
class EventuallyTest {

    @Test
    void returnsTheFirstValueThatPassesTheAssertions() {
        AtomicInteger reads = new AtomicInteger();
        int value = eventually(Duration.ofSeconds(5), reads::incrementAndGet, n -> assertEquals(3, n));
        assertEquals(3, value);
        assertEquals(3, reads.get(), "stops reading once the assertions pass");
    }

    @Test
    void aProbeThatThrowsIsRetriedLikeAFailedAssertion() {
        AtomicInteger reads = new AtomicInteger();
        eventually(Duration.ofSeconds(5), () -> {
            if (reads.incrementAndGet() < 2) {
                throw new java.io.IOException("connection refused: the node is restarting");
            }
            return reads.get();
        }, n -> assertEquals(2, n));
    }

    @Test
    void atTheDeadlineTheLastFailureIsReported() {
        long started = System.nanoTime();
        AssertionError failure = assertThrows(AssertionError.class,
                () -> eventually(Duration.ofMillis(300), () -> assertEquals("joined", "still waiting", "the member")));
        long tookMillis = (System.nanoTime() - started) / 1_000_000;
        assertTrue(failure.getMessage().startsWith("still failing after 300 ms ("), failure.getMessage());
        assertTrue(failure.getMessage().contains("the member ==> expected: <joined> but was: <still waiting>"),
                failure.getMessage());
        assertTrue(tookMillis >= 300 && tookMillis < 5_000, tookMillis + " ms");
    }
}
