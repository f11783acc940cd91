/**
 * The websocket transport: the {@code /primus} endpoint with Primus framing and heartbeat, the handshake
 * (fingerprint, remote address, origin check), inbound event decoding and verb replies. No other package
 * depends on this one.
 */
package io.huddle.websocket;
