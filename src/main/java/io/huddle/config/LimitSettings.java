package io.huddle.config;

/**
 * Bounds that keep one client from taking what others need ({@code huddle.limits.*}).
 *
 * @param queuedEvents              events one websocket connection may have waiting to be served (room verbs,
 *                                  {@code say}, {@code quit}); past it each further one is answered at once with
 *                                  ActionHero's {@code you have too many pending requests}
 * @param connectionsPerAddress     websocket connections one client address (an IPv6 /64) may hold on a node;
 *                                  one more upgrade is refused with 429
 * @param connectionsPerFingerprint websocket connections one fingerprint (one browser) may hold on a node; one more
 *                                  upgrade is refused with 429
 */
public record LimitSettings(int queuedEvents, int connectionsPerAddress, int connectionsPerFingerprint) {

    static LimitSettings read(SettingsReader settings) {
        return new LimitSettings(settings.intAtLeast("huddle.limits.queuedEvents", 1),
                settings.intAtLeast("huddle.limits.connectionsPerAddress", 1),
                settings.intAtLeast("huddle.limits.connectionsPerFingerprint", 1));
    }
}
