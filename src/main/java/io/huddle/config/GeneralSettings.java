package io.huddle.config;

import java.util.Optional;

/**
 * Who this node is and what it reports about itself ({@code huddle.general.*}, {@code huddle.status.*}).
 *
 * @param serverName     shown by {@code status} and in every {@code /api} answer
 * @param welcomeMessage the welcome frame's text
 * @param apiVersion     the application's version
 * @param nodeId         the configured node id; empty means the host name plus the process id
 * @param maxHeapUsage   share of the maximum heap above which {@code status} reports the node unhealthy
 * @param statusDetails  whether {@code status} tells anyone the node's id, server, Java version, processors and heap
 */
public record GeneralSettings(String serverName, String welcomeMessage, String apiVersion, Optional<String> nodeId,
                              double maxHeapUsage, boolean statusDetails) {

    static GeneralSettings read(SettingsReader settings) {
        return new GeneralSettings(settings.text("huddle.general.serverName"),
                settings.text("huddle.general.welcomeMessage"),
                settings.text("huddle.general.apiVersion"),
                settings.optionalText("huddle.general.id"),
                settings.between("huddle.status.maxHeapUsage", 0, 1),
                settings.bool("huddle.status.details"));
    }
}
