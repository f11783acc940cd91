package io.huddle.action.http;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

/** The {@code serverInformation} of an {@code /api} response (spec §8.1). */
@JsonbPropertyOrder({"serverName", "apiVersion", "requestDuration", "currentTime"})
public record ServerInformation(String serverName, String apiVersion, long requestDuration, long currentTime) {
}
