/**
 * Internal.
 * <p>
 * The websocket transport: the {@code /primus} endpoint with Primus framing and heartbeat, the handshake
 * (fingerprint, remote address, origin check), inbound event decoding and verb replies; and the browser client,
 * rendered at boot with the live configuration and served beside the endpoint. No other package depends on this one.
 */
package io.huddle.websocket;
