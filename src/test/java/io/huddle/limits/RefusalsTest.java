package io.huddle.limits;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RefusalsTest {

    @Test
    void countsEveryRefusalByLimit() {
        Refusals refusals = new Refusals();
        for (int i = 0; i < 5; i++) {
            refusals.refused("say", "conn-1", () -> "over the rate");
        }
        refusals.refused("actions", "conn-2", () -> "over the rate");
        assertEquals(Map.of("actions", 1L, "say", 5L), refusals.counts());
    }

    @Test
    void logsOncePerClientAndLimitAMinute() {
        Refusals refusals = new Refusals();
        long start = 1_000;
        assertTrue(refusals.shouldLog("say conn-1", start));
        assertFalse(refusals.shouldLog("say conn-1", start + Refusals.LOG_INTERVAL_NANOS - 1));
        assertTrue(refusals.shouldLog("actions conn-1", start + 1), "another limit logs on its own");
        assertTrue(refusals.shouldLog("say conn-2", start + 1), "another client logs on its own");
        assertTrue(refusals.shouldLog("say conn-1", start + Refusals.LOG_INTERVAL_NANOS));
    }
}
