package io.huddle.config;

/**
 * Bounds that keep one client from taking what others need ({@code huddle.limits.*}).
 *
 * @param queuedEvents events one websocket connection may have waiting to be served (room verbs, {@code say},
 *                     {@code quit}); past it each further one is answered at once with ActionHero's
 *                     {@code you have too many pending requests}
 */
public record LimitSettings(int queuedEvents) {

    static LimitSettings read(SettingsReader settings) {
        return new LimitSettings(settings.intAtLeast("huddle.limits.queuedEvents", 1));
    }
}
