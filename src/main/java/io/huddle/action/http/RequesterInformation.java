package io.huddle.action.http;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

import java.util.Map;

/** The {@code requesterInformation} of an {@code /api} response (spec §8.1): who asked, and with which params. */
@JsonbPropertyOrder({"id", "fingerprint", "messageId", "remoteIP", "receivedParams"})
public record RequesterInformation(String id, String fingerprint, String messageId, String remoteIP,
                                   Map<String, Object> receivedParams) {
}
