package io.huddle.config;

/**
 * HTTP: the fingerprint cookie and {@code /api} requests ({@code huddle.web.*}).
 *
 * @param cookieKey           the fingerprint cookie's name (and the {@code ?sessionID=}-style query key)
 * @param cookieExpiresMillis how long the fingerprint cookie lives, from the response that set it
 * @param maxBodyBytes        largest {@code /api} request body; bigger is answered with 413
 * @param bodyTimeoutMillis   how long {@code /api} waits for a request body to arrive in full; then 408
 */
public record WebSettings(String cookieKey, long cookieExpiresMillis, int maxBodyBytes, long bodyTimeoutMillis) {

    static WebSettings read(SettingsReader settings) {
        String cookieKey = settings.text("huddle.web.fingerprintOptions.cookieKey");
        if (cookieKey.isEmpty() || !cookieKey.chars().allMatch(c -> c > 32 && c < 127 && "()<>@,;:\\\"/[]?={}".indexOf(c) < 0)) {
            throw SettingsReader.invalid("huddle.web.fingerprintOptions.cookieKey", cookieKey, "a cookie name (letters,"
                    + " digits and !#$%&'*+-.^_`|~)");
        }
        return new WebSettings(cookieKey,
                settings.atLeast("huddle.web.fingerprintOptions.settings.expires", 1),
                settings.intAtLeast("huddle.web.maxBodyBytes", 0),
                settings.atLeast("huddle.web.bodyTimeout", 1));
    }
}
