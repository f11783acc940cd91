package io.huddle.config;

/**
 * How many websocket connections one client may hold at once ({@code huddle.limits.connectionsPer*}), checked before
 * the upgrade; one more is refused with 429.
 *
 * @param perAddress     connections one client address (an IPv6 /64) may hold on a node
 * @param perFingerprint connections one fingerprint (one browser) may hold, on all nodes of a cluster together
 */
public record ConnectionCapSettings(int perAddress, int perFingerprint) {

    static ConnectionCapSettings read(SettingsReader settings) {
        return new ConnectionCapSettings(settings.intAtLeast(LimitSettings.PREFIX + "connectionsPerAddress", 1),
                settings.intAtLeast(LimitSettings.PREFIX + "connectionsPerFingerprint", 1));
    }
}
