package io.huddle.websocket;

import io.huddle.config.ClientLibrarySettings;
import io.huddle.config.WebSettings;
import io.huddle.config.WebsocketSettings;
import jakarta.json.bind.annotation.JsonbPropertyOrder;

/**
 * The configuration baked into the served browser client (spec §3.1, §7): what its
 * {@code JSON.parse("%%HUDDLE_CONFIG%%")} returns. A null {@code url} means the page's own origin; a null
 * {@code retries} means the client never stops reconnecting (JSON cannot carry {@code Infinity}).
 */
@JsonbPropertyOrder({"url", "pathname", "apiPath", "cookieKey", "pingTimeout", "reconnect", "requestTimeout",
        "queueSize"})
public record ClientSettings(String url, String pathname, String apiPath, String cookieKey, long pingTimeout,
                             Reconnect reconnect, long requestTimeout, int queueSize) {

    /** The client's reconnect backoff. */
    @JsonbPropertyOrder({"min", "max", "factor", "retries", "jitter"})
    public record Reconnect(long min, long max, double factor, Integer retries, double jitter) {
    }

    /** The settings of a deployment under {@code contextPath} ("" at the root). */
    static ClientSettings of(ClientLibrarySettings client, WebsocketSettings websocket, WebSettings web,
                             String contextPath) {
        long pingInterval = websocket.pingIntervalMillis();
        // as Primus compiles it: the client gives up after one and a half intervals without a ping; 0 = no heartbeat
        long pingTimeout = pingInterval > 0 ? pingInterval * 3 / 2 : 0;
        Reconnect reconnect = new Reconnect(client.reconnectMinMillis(), client.reconnectMaxMillis(),
                client.reconnectFactor(), client.reconnectRetries().orElse(null), client.reconnectJitter());
        return new ClientSettings(client.url().orElse(null), contextPath + "/primus", contextPath + "/api",
                web.cookieKey(), pingTimeout, reconnect, client.requestTimeoutMillis(), client.queueSize());
    }
}
