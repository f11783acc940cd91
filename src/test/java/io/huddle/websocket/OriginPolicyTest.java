package io.huddle.websocket;

import io.huddle.config.WebsocketSettings;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which pages may open a websocket: the server's own, those in {@code huddle.websocket.allowedOrigins}, and non-browsers. */
class OriginPolicyTest {

    @Test
    void aClientWithoutOriginIsNotABrowserAndIsAllowed() {
        assertTrue(policy().allows(null, "chat.example.com"));
    }

    @Test
    void aPageOfTheServersOwnOriginIsAllowed() {
        OriginPolicy policy = policy();
        assertTrue(policy.allows("https://chat.example.com", "chat.example.com"));
        assertTrue(policy.allows("http://localhost:8080", "localhost:8080"));
        assertTrue(policy.allows("HTTPS://Chat.Example.COM", "chat.example.com"), "origins compare case-insensitively");
    }

    @Test
    void aPageOfAnotherSiteIsRefused() {
        OriginPolicy policy = policy();
        assertFalse(policy.allows("https://evil.example.net", "chat.example.com"));
        assertFalse(policy.allows("http://localhost:9999", "localhost:8080"), "another port is another origin");
        assertFalse(policy.allows("https://chat.example.com.evil.net", "chat.example.com"));
        assertFalse(policy.allows("https://evil.example.net", null));
        assertFalse(policy.allows("null", "chat.example.com"), "a sandboxed page's origin");
        assertFalse(policy.allows("not a uri at all", "chat.example.com"));
    }

    @Test
    void listedOriginsAreAllowedExactlyIgnoringCaseAndSpaces() {
        OriginPolicy policy = policy("https://app.example.com", " https://Admin.Example.com ");
        assertTrue(policy.allows("https://app.example.com", "chat.example.com"));
        assertTrue(policy.allows("https://admin.example.com", "chat.example.com"));
        assertFalse(policy.allows("http://app.example.com", "chat.example.com"), "the scheme is part of the origin");
        assertFalse(policy.allows("https://app.example.com:8443", "chat.example.com"));
        assertTrue(policy.allows("https://chat.example.com", "chat.example.com"), "the server's own stays allowed");
    }

    @Test
    void aStarAllowsEveryOrigin() {
        assertTrue(policy("*").allows("https://anywhere.example.org", "chat.example.com"));
    }

    private static OriginPolicy policy(String... allowed) {
        OriginPolicy policy = new OriginPolicy();
        policy.websocket = new WebsocketSettings(30000, 65536, false, List.of(allowed));
        return policy;
    }
}
