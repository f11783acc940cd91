package io.huddle.config;

import io.huddle.config.LimitSettings.Rate;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.huddle.config.SettingsReaderTest.over;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The shipped rate limits, and how an operator changes them (per room for say, 0 to switch a bucket off). */
class LimitSettingsTest {

    private final LimitSettings defaults = LimitSettings.read(over(Map.of()));

    @Test
    void theDefaultsAreTheDocumentedNumbers() {
        assertEquals(new Rate(100, 300), defaults.frames());
        assertEquals(new Rate(20, 40), defaults.say());
        assertEquals(new Rate(20, 50), defaults.actions());
        assertEquals(new Rate(10, 250), defaults.roomVerbs());
        assertEquals(new Rate(0.2, 10), defaults.roomCreate());
        assertEquals(new Rate(1, 5), defaults.metadata());
        assertEquals(new Rate(1, 50), defaults.hammering());
        assertEquals(Map.of(), defaults.sayPerRoom());
        assertEquals(50_000, defaults.apiClients());
    }

    @Test
    void aReconnectingPageFitsTheBurstsItSpendsAtOnce() {
        int rooms = ChatSettings.read(over(Map.of())).maxRoomsPerConnection();
        // after a reconnect a page rejoins every room and may look at each (roomView), then sends detailsView
        // and setMetadata: all in one burst, before a single token has come back
        assertTrue(defaults.roomVerbs().burst() >= 2L * rooms, "roomVerbs burst " + defaults.roomVerbs());
        assertTrue(defaults.frames().burst() >= 2L * rooms + 2, "frames burst " + defaults.frames());
        assertTrue(defaults.metadata().burst() >= 1);
    }

    @Test
    void aRoomCanHaveItsOwnSayRateAndAHalfSetOneTakesTheRestFromTheGlobalSay() {
        LimitSettings limits = LimitSettings.read(over(Map.of(
                "huddle.limits.say.rooms.bots.rate", "500", "huddle.limits.say.rooms.bots.burst", "1000",
                "huddle.limits.say.rooms.team.a.rate", "2")));
        assertEquals(Map.of("bots", new Rate(500, 1000), "team.a", new Rate(2, 40)), limits.sayPerRoom());
    }

    @Test
    void aRateOfZeroSwitchesTheBucketOffAndABadValueNamesItsKey() {
        assertTrue(LimitSettings.read(over(Map.of("huddle.limits.say.rate", "0"))).say().isOff());
        assertEquals("huddle.limits.say.rate is '-1', but must be a number from 0.0 to 1.0E9",
                assertThrows(SettingsReader.InvalidSetting.class,
                        () -> LimitSettings.read(over(Map.of("huddle.limits.say.rate", "-1")))).getMessage());
        assertEquals("huddle.limits.frames.burst is '0', but must be a whole number of at least 1",
                assertThrows(SettingsReader.InvalidSetting.class,
                        () -> LimitSettings.read(over(Map.of("huddle.limits.frames.burst", "0")))).getMessage());
        assertTrue(assertThrows(SettingsReader.InvalidSetting.class,
                () -> LimitSettings.read(over(Map.of("huddle.limits.say.rooms.bots.speed", "5")))).getMessage()
                .startsWith("huddle.limits.say.rooms.bots.speed is not a room's say rate"));
    }

    @Test
    void aBucketRefillsFromEmptyInBurstOverRate() {
        assertEquals(2_000_000_000L, new Rate(20, 40).refillNanos());
        assertEquals(50_000_000_000L, new Rate(0.2, 10).refillNanos());
    }
}
