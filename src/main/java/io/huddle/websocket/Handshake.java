package io.huddle.websocket;

/** What the upgrade request tells about a new connection, computed once before the socket opens. */
record Handshake(String connectionId, String fingerprint, String remoteIP, Object remotePort) {
}
