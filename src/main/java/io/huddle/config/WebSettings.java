package io.huddle.config;

import io.huddle.connection.TrustedProxies;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * HTTP: the fingerprint cookie, {@code /api} requests, and whom to believe about a client's address
 * ({@code huddle.web.*}).
 *
 * @param cookieKey           the fingerprint cookie's name (and the {@code ?sessionID=}-style query key)
 * @param cookieExpiresMillis how long the fingerprint cookie lives, from the response that set it
 * @param maxBodyBytes        largest {@code /api} request body; bigger is answered with 413
 * @param bodyTimeoutMillis   how long {@code /api} waits for a request body to arrive in full; then 408
 * @param trustedProxies      peers whose {@code X-Forwarded-*} and {@code X-Real-IP} headers are believed
 * @param fingerprintSecret   the secret fingerprints are signed with; empty: generated at deploy (agreed through
 *                            Redis in a cluster)
 */
public record WebSettings(String cookieKey, long cookieExpiresMillis, int maxBodyBytes, long bodyTimeoutMillis,
                          TrustedProxies trustedProxies, Optional<String> fingerprintSecret) {

    /** A shorter secret is too easy to guess for the HMAC it keys. */
    static final int MIN_SECRET_BYTES = 16;

    static WebSettings read(SettingsReader settings) {
        String cookieKey = settings.text("huddle.web.fingerprintOptions.cookieKey");
        if (cookieKey.isEmpty() || !cookieKey.chars().allMatch(c -> c > 32 && c < 127 && "()<>@,;:\\\"/[]?={}".indexOf(c) < 0)) {
            throw SettingsReader.invalid("huddle.web.fingerprintOptions.cookieKey", cookieKey, "a cookie name (letters,"
                    + " digits and !#$%&'*+-.^_`|~)");
        }
        Optional<String> secret = settings.optionalText("huddle.web.fingerprintSecret");
        if (secret.isPresent() && secret.get().getBytes(StandardCharsets.UTF_8).length < MIN_SECRET_BYTES) {
            // the value itself stays out of the log
            throw new SettingsReader.InvalidSetting("huddle.web.fingerprintSecret is too short: it must be at least "
                    + MIN_SECRET_BYTES + " characters (for example the output of `openssl rand -base64 32`)");
        }
        return new WebSettings(cookieKey,
                settings.atLeast("huddle.web.fingerprintOptions.settings.expires", 1),
                settings.intAtLeast("huddle.web.maxBodyBytes", 0),
                settings.atLeast("huddle.web.bodyTimeout", 1),
                trustedProxies(settings),
                secret);
    }

    private static TrustedProxies trustedProxies(SettingsReader settings) {
        try {
            return TrustedProxies.parse(settings.list("huddle.web.trustedProxies"));
        } catch (IllegalArgumentException e) {
            throw new SettingsReader.InvalidSetting("huddle.web.trustedProxies has '" + e.getMessage() + "', but must"
                    + " list IP addresses or CIDR ranges (10.0.0.0/8, 192.168.1.7, ::1, fd00::/8), comma-separated");
        }
    }
}
