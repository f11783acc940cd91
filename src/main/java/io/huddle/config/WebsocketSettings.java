package io.huddle.config;

import java.util.List;

/**
 * The websocket endpoint ({@code huddle.websocket.*}).
 *
 * @param pingIntervalMillis       ms between heartbeats; 0 turns the heartbeat off
 * @param maxFrameBytes            largest inbound text frame; bigger frames close the connection with 1009
 * @param destroyClientsOnShutdown whether undeploying closes every connection at once
 * @param allowedOrigins           origins allowed besides the server's own; {@code *} allows any
 */
public record WebsocketSettings(long pingIntervalMillis, int maxFrameBytes, boolean destroyClientsOnShutdown,
                                List<String> allowedOrigins) {

    static WebsocketSettings read(SettingsReader settings) {
        return new WebsocketSettings(settings.atLeast("huddle.websocket.server.pingInterval", 0),
                settings.intAtLeast("huddle.websocket.server.maxLength", 1024),
                settings.bool("huddle.websocket.destroyClientsOnShutdown"),
                settings.list("huddle.websocket.allowedOrigins"));
    }
}
