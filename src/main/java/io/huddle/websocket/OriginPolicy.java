package io.huddle.websocket;

import io.huddle.config.WebsocketSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.net.URI;
import java.util.List;
import java.util.Locale;

/**
 * Decides whether a browser page may open a websocket: its {@code Origin} must be the server's own or in
 * {@code huddle.websocket.allowedOrigins} ({@code *} allows all). Without this, any site could open a socket that
 * carries a visitor's cookies. Requests without {@code Origin} (non-browser clients) are allowed.
 */
@ApplicationScoped
public class OriginPolicy {

    @Inject
    WebsocketSettings websocket;

    boolean allows(String origin, String host) {
        if (origin == null) {
            return true;
        }
        List<String> allowed = websocket.allowedOrigins();
        if (allowed.contains("*")) {
            return true;
        }
        String normalized = origin.trim().toLowerCase(Locale.ROOT);
        for (String candidate : allowed) {
            if (candidate.trim().toLowerCase(Locale.ROOT).equals(normalized)) {
                return true;
            }
        }
        return host != null && host.equalsIgnoreCase(authorityOf(normalized));
    }

    private static String authorityOf(String origin) {
        try {
            return URI.create(origin).getRawAuthority();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
