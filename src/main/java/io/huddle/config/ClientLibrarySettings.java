package io.huddle.config;

import java.util.Optional;

/**
 * The browser client the server generates at boot ({@code huddle.websocket.client*}).
 *
 * @param url                  the origin the client connects to; empty means the page's own origin
 * @param jsPath               directory of the served client under {@code /public/} and {@code /}, without
 *                             leading or trailing slashes
 * @param jsName               file name of the served client without extension; empty means no client is served
 * @param reconnectMinMillis   the first reconnect delay
 * @param reconnectMaxMillis   the longest reconnect delay
 * @param reconnectFactor      how much the delay grows per attempt
 * @param reconnectRetries     attempts before the client gives up; empty means never
 * @param reconnectJitter      0..1: the share of each delay taken off at random
 * @param requestTimeoutMillis before the client fails a request that got no reply; 0 waits forever
 * @param queueSize            requests the client keeps while offline
 */
public record ClientLibrarySettings(Optional<String> url, String jsPath, Optional<String> jsName,
                                    long reconnectMinMillis, long reconnectMaxMillis, double reconnectFactor,
                                    Optional<Integer> reconnectRetries, double reconnectJitter,
                                    long requestTimeoutMillis, int queueSize) {

    static ClientLibrarySettings read(SettingsReader settings) {
        return new ClientLibrarySettings(
                settings.optionalText("huddle.websocket.clientUrl").filter(u -> !u.equals("window.location.origin")),
                settings.raw("huddle.websocket.clientJsPath").orElse("").replaceAll("^/+|/+$", ""),
                settings.optionalText("huddle.websocket.clientJsName"),
                settings.atLeast("huddle.websocket.client.reconnect.min", 0),
                settings.atLeast("huddle.websocket.client.reconnect.max", 0),
                settings.between("huddle.websocket.client.reconnect.factor", 1, 100),
                settings.optionalIntAtLeast("huddle.websocket.client.reconnect.retries", 0),
                settings.between("huddle.websocket.client.reconnect.jitter", 0, 1),
                settings.atLeast("huddle.websocket.client.requestTimeout", 0),
                settings.intAtLeast("huddle.websocket.client.queueSize", 0));
    }
}
