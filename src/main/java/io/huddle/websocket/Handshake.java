package io.huddle.websocket;

import io.huddle.limits.ConnectionQuota;

/**
 * What the upgrade request tells about a new connection, computed once before the socket opens, and the place
 * {@link ConnectionQuota} gave it (null only where a container skipped {@link PrimusHttpFilter}).
 */
record Handshake(String connectionId, String fingerprint, String remoteIP, Object remotePort,
                 ConnectionQuota.Admission admission) {
}
