package io.huddle.config;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Huddle's settings as an operator sets them: the shipped defaults read cleanly, a bad value names its key. */
class SettingsReaderTest {

    @Test
    void theShippedDefaultsReadIntoEveryFeaturesSettings() {
        SettingsReader reader = over(Map.of("huddle.general.apiVersion", "1.0.0"));
        assertEquals(30000, WebsocketSettings.read(reader).pingIntervalMillis());
        assertEquals(List.of(), WebsocketSettings.read(reader).allowedOrigins());
        assertEquals(Optional.empty(), OutboxSettings.read(reader).concurrentSends());
        assertEquals("sessionID", WebSettings.read(reader).cookieKey());
        assertEquals(5, ActionSettings.read(reader).simultaneousActions());
        assertEquals(List.of("defaultRoom"), ChatSettings.read(reader).startingChatRooms());
        assertFalse(ClusterSettings.read(reader).clustered());
        assertEquals("javascript", ClientLibrarySettings.read(reader).jsPath());
        assertEquals(Optional.of("ActionheroWebsocketClient"), ClientLibrarySettings.read(reader).jsName());
        assertEquals(Optional.empty(), ClientLibrarySettings.read(reader).reconnectRetries());
        assertEquals("huddle", GeneralSettings.read(reader).serverName());
    }

    @Test
    void aValueThatDoesNotParseFailsWithOneSentenceNamingTheKey() {
        assertEquals("huddle.websocket.server.pingInterval is 'soon', but must be a whole number of at least 0",
                assertThrows(SettingsReader.InvalidSetting.class,
                        () -> WebsocketSettings.read(over(Map.of("huddle.websocket.server.pingInterval", "soon"))))
                        .getMessage());
        assertEquals("huddle.chat.presence is 'yes', but must be true or false",
                assertThrows(SettingsReader.InvalidSetting.class,
                        () -> ChatSettings.read(over(Map.of("huddle.chat.presence", "yes")))).getMessage());
        assertEquals("huddle.websocket.outbox.concurrentSends is 'many', but must be auto or a whole number of at"
                        + " least 1",
                assertThrows(SettingsReader.InvalidSetting.class,
                        () -> OutboxSettings.read(over(Map.of("huddle.websocket.outbox.concurrentSends", "many"))))
                        .getMessage());
        assertEquals("huddle.redis.address is 'localhost:6379', but must be a redis:// or rediss:// URL",
                assertThrows(SettingsReader.InvalidSetting.class,
                        () -> ClusterSettings.read(over(Map.of("huddle.redis.address", "localhost:6379"))))
                        .getMessage());
        assertEquals("huddle.chat.presenceView is 'people', but must be one of connections, users",
                assertThrows(SettingsReader.InvalidSetting.class,
                        () -> ChatSettings.read(over(Map.of("huddle.chat.presenceView", "people")))).getMessage());
    }

    @Test
    void perRoomOverridesAreReadAtOnceAndAnUnknownRoomSettingIsRefused() {
        ChatSettings chat = ChatSettings.read(over(Map.of("huddle.chat.rooms.quiet.presence", "false",
                "huddle.chat.rooms.team.a.presenceView", "users")));
        assertEquals(new ChatSettings.RoomDefaults(false, false), chat.defaultsFor("quiet"));
        assertEquals(new ChatSettings.RoomDefaults(true, true), chat.defaultsFor("team.a"));
        assertEquals(new ChatSettings.RoomDefaults(true, false), chat.defaultsFor("anyOther"));
        assertTrue(assertThrows(SettingsReader.InvalidSetting.class, () -> ChatSettings.read(over(
                Map.of("huddle.chat.rooms.quiet.presense", "false")))).getMessage()
                .startsWith("huddle.chat.rooms.quiet.presense is not a room setting"));
    }

    @Test
    void aHistoryARecoveryCouldNotPushThroughTheOutboxFailsTheDeployment() {
        SettingsReader shipped = over(Map.of());
        HistorySettings.read(shipped).checkFits(OutboxSettings.read(shipped));
        SettingsReader small = over(Map.of("huddle.websocket.outbox.maxMessages", "100"));
        assertEquals("huddle.chat.history.size is 100, but a recovery sends up to that many messages at once and"
                        + " huddle.websocket.outbox.maxMessages is 100: keep it at most half of that (50) or raise"
                        + " huddle.websocket.outbox.maxMessages",
                assertThrows(SettingsReader.InvalidSetting.class,
                        () -> HistorySettings.read(small).checkFits(OutboxSettings.read(small))).getMessage());
        SettingsReader busyRoom = over(Map.of("huddle.chat.rooms.busy.history.size", "5001"));
        assertTrue(assertThrows(SettingsReader.InvalidSetting.class,
                () -> HistorySettings.read(busyRoom).checkFits(OutboxSettings.read(busyRoom))).getMessage()
                .startsWith("huddle.chat.rooms.busy.history.size is 5001, but a recovery sends"));
        SettingsReader fits = over(Map.of("huddle.chat.rooms.busy.history.size", "5000"));
        HistorySettings.read(fits).checkFits(OutboxSettings.read(fits));
    }

    @Test
    void historyLimitsHaveDefaultsAndPerRoomOverridesThatChatSettingsLeaveAlone() {
        Map<String, String> keys = Map.of("huddle.chat.rooms.busy.history.size", "1000",
                "huddle.chat.rooms.team.a.history.ttl", "60", "huddle.chat.rooms.quiet.history.size", "0");
        HistorySettings history = HistorySettings.read(over(keys));
        assertEquals(new HistorySettings.Limits(1000, 300), history.limitsFor("busy"));
        assertEquals(new HistorySettings.Limits(100, 60), history.limitsFor("team.a"));
        assertEquals(new HistorySettings.Limits(0, 300), history.limitsFor("quiet"));
        assertEquals(new HistorySettings.Limits(100, 300), history.limitsFor("anyOther"));
        ChatSettings.read(over(keys)); // no "not a room setting"
        assertEquals("huddle.chat.history.ttl is '0', but must be a whole number of at least 1",
                assertThrows(SettingsReader.InvalidSetting.class,
                        () -> HistorySettings.read(over(Map.of("huddle.chat.history.ttl", "0")))).getMessage());
    }

    @Test
    void anEmptyValueSetByTheOperatorWinsOverANonEmptyDefault() {
        assertEquals(Optional.empty(), ClientLibrarySettings.read(over(Map.of("huddle.websocket.clientJsName", "")))
                .jsName());
        assertEquals(Optional.empty(), OutboxSettings.read(over(Map.of("huddle.websocket.outbox.concurrentSends",
                " AUTO "))).concurrentSends(), "auto, in any case: the container support picks");
        assertEquals(Optional.of(8), OutboxSettings.read(over(Map.of("huddle.websocket.outbox.concurrentSends", "8")))
                .concurrentSends());
        assertEquals(Optional.of(3), ClientLibrarySettings.read(over(
                Map.of("huddle.websocket.client.reconnect.retries", "3"))).reconnectRetries());
    }

    /** Huddle's defaults with {@code values} set above them, as an application's own properties would be. */
    static SettingsReader over(Map<String, String> values) {
        ConfigSource operator = new ConfigSource() {
            @Override
            public Set<String> getPropertyNames() {
                return values.keySet();
            }

            @Override
            public String getValue(String name) {
                return values.get(name);
            }

            @Override
            public String getName() {
                return "operator";
            }
        };
        List<ConfigSource> sources = List.of(operator, new HuddleDefaults());
        Config config = (Config) Proxy.newProxyInstance(Config.class.getClassLoader(), new Class<?>[]{Config.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("getConfigSources")) {
                        return sources;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        return new SettingsReader(config);
    }
}
