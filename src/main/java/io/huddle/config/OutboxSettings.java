package io.huddle.config;

import java.util.Optional;

/**
 * Each connection's outbound queue ({@code huddle.websocket.outbox.*}).
 *
 * @param maxMessages     frames queued at most before the connection is closed as too slow
 * @param maxBytes        bytes queued at most before the connection is closed as too slow
 * @param concurrentSends async sends in flight per connection; empty ({@code auto}) lets the container support pick
 */
public record OutboxSettings(int maxMessages, long maxBytes, Optional<Integer> concurrentSends) {

    static OutboxSettings read(SettingsReader settings) {
        String key = "huddle.websocket.outbox.concurrentSends";
        Optional<Integer> sends = "auto".equalsIgnoreCase(settings.text(key)) ? Optional.empty()
                : Optional.of(settingsOrAuto(settings, key));
        return new OutboxSettings(settings.intAtLeast("huddle.websocket.outbox.maxMessages", 1),
                settings.atLeast("huddle.websocket.outbox.maxBytes", 1), sends);
    }

    private static int settingsOrAuto(SettingsReader settings, String key) {
        try {
            return settings.intAtLeast(key, 1);
        } catch (SettingsReader.InvalidSetting e) {
            throw SettingsReader.invalid(key, settings.text(key), "auto or a whole number of at least 1");
        }
    }
}
