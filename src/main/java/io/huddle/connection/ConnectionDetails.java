package io.huddle.connection;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

import java.util.List;
import java.util.Map;

/** What {@code detailsView} shows of a connection, in ActionHero's key order (spec §4). */
@JsonbPropertyOrder({"id", "fingerprint", "remoteIP", "remotePort", "params", "connectedAt", "rooms",
        "totalActions", "pendingActions"})
public record ConnectionDetails(String id, String fingerprint, String remoteIP, Object remotePort,
                                Map<String, Object> params, long connectedAt, List<String> rooms,
                                long totalActions, int pendingActions) {
}
