package io.huddle.connection;

import io.huddle.config.WebSettings;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * The browser fingerprint of every HTTP request (spec §4): the {@code sessionID} cookie (name from
 * {@code huddle.web.fingerprintOptions.cookieKey}), else a {@code sessionID} or {@code x-sessionID} header, as
 * ActionHero reads them, but only a value this deployment issued ({@link Fingerprints}); a request with none, or with
 * an unsigned or foreign one, gets a fresh fingerprint that the response sets as that cookie. Loading any page
 * therefore gives the browser the cookie that its websocket and its {@code /api} calls then share, and nobody can
 * take on a fingerprint by naming it. The cookie is not HttpOnly on purpose: the client script reads it and passes it
 * to the websocket as {@code ?sessionID=}.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class FingerprintFilter extends HttpFilter {

    private static final String ATTRIBUTE = FingerprintFilter.class.getName() + ".fingerprint";

    @Inject
    WebSettings web;

    @Inject
    Fingerprints fingerprints;

    @Inject
    ClientAddresses addresses;

    /** The fingerprint this filter assigned to {@code request}. */
    public static String fingerprintOf(HttpServletRequest request) {
        Object fingerprint = request.getAttribute(ATTRIBUTE);
        if (fingerprint == null) {
            throw new IllegalStateException(FingerprintFilter.class.getSimpleName() + " did not run for "
                    + request.getRequestURI());
        }
        return (String) fingerprint;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        // websocket upgrades keep ActionHero's rule (query, cookie, else the connection id): see PrimusHttpFilter
        if (!"websocket".equalsIgnoreCase(request.getHeader("Upgrade"))) {
            String fingerprint = firstGenuine(cookie(request, web.cookieKey()), request.getHeader(web.cookieKey()),
                    request.getHeader("x-" + web.cookieKey()));
            if (fingerprint == null) {
                fingerprint = fingerprints.issue();
                response.addHeader("Set-Cookie", setCookie(fingerprint, addresses.overHttps(request)));
            }
            request.setAttribute(ATTRIBUTE, fingerprint);
        }
        chain.doFilter(request, response);
    }

    /** The first of {@code candidates} this deployment issued, or null. */
    private String firstGenuine(String... candidates) {
        for (String candidate : candidates) {
            if (fingerprints.isGenuine(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    /**
     * ActionHero's cookie ({@code Path=/}, an absolute expiry, no HttpOnly: the stock client reads it from
     * {@code document.cookie}), plus {@code SameSite=Lax}, so another site's page cannot make the browser send it
     * along with a cross-site request, and {@code Secure} when the request came over HTTPS (to this server, or to a
     * trusted proxy that says so with {@code X-Forwarded-Proto}).
     */
    private String setCookie(String fingerprint, boolean overHttps) {
        ZonedDateTime expires = ZonedDateTime.now(ZoneOffset.UTC).plus(web.cookieExpiresMillis(), ChronoUnit.MILLIS);
        return web.cookieKey() + "=" + fingerprint + "; Path=/; Expires="
                + DateTimeFormatter.RFC_1123_DATE_TIME.format(expires) + "; SameSite=Lax"
                + (overHttps ? "; Secure" : "");
    }

    /** The value of the request's cookie called {@code name}, or null. */
    public static String cookie(HttpServletRequest request, String name) {
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie cookie : cookies) {
                if (cookie.getName().equals(name)) {
                    return cookie.getValue();
                }
            }
        }
        return null;
    }
}
