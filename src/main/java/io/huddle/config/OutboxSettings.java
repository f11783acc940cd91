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
        return new OutboxSettings(settings.intAtLeast("huddle.websocket.outbox.maxMessages", 1),
                settings.atLeast("huddle.websocket.outbox.maxBytes", 1), concurrentSends(settings));
    }

    /** A number, or {@code auto} (empty): the container's own default. */
    private static Optional<Integer> concurrentSends(SettingsReader settings) {
        String key = "huddle.websocket.outbox.concurrentSends";
        if ("auto".equalsIgnoreCase(settings.text(key))) {
            return Optional.empty();
        }
        try {
            return Optional.of(settings.intAtLeast(key, 1));
        } catch (SettingsReader.InvalidSetting e) {
            throw SettingsReader.invalid(key, settings.text(key), "auto or a whole number of at least 1");
        }
    }
}
