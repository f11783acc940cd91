package io.huddle.connection;

import java.util.Optional;

/**
 * The client's address, shared by websocket handshakes and HTTP requests. From a peer that is not a trusted proxy
 * ({@link TrustedProxies}): the socket's address and port, whatever headers it sent. From a trusted proxy, as
 * ActionHero reports it (spec §4): {@code X-Real-IP}, else the {@code X-Forwarded-For} entry of the client (the
 * right-most one that is not itself a trusted proxy, so a client cannot prepend an address of its choosing), else the
 * socket; the port from {@code X-Forwarded-Port} (a string), else from that {@code X-Forwarded-For} entry (0 when it
 * has none), else the socket port. ActionHero believes these headers from anyone (spec §6.5.6); Huddle does not.
 */
public record ClientAddress(String ip, Object port) {

    /** The address of a request from {@code socketIp}, believing its forwarding headers only from a trusted proxy. */
    public static ClientAddress of(TrustedProxies trusted, String realIp, String forwardedFor, String forwardedPort,
                                   String socketIp, int socketPort) {
        ClientAddress socket = new ClientAddress(socketIp, socketPort);
        if (!trusted.trusts(socketIp)) {
            return socket;
        }
        ClientAddress client = socket;
        if (forwardedFor != null && !forwardedFor.isBlank()) {
            client = rightMostUntrusted(trusted, forwardedFor, socket);
        }
        String ip = client.ip();
        Object port = client.port();
        if (realIp != null && TrustedProxies.literal(realIp).isPresent()) {
            ip = realIp.trim();
        }
        if (forwardedPort != null && !forwardedPort.isBlank()) {
            port = forwardedPort.trim();
        }
        return new ClientAddress(ip, port);
    }

    /** Whether a request came over HTTPS: to this server, or to a trusted proxy that says so. */
    public static boolean overHttps(TrustedProxies trusted, boolean secure, String forwardedProto, String socketIp) {
        if (secure) {
            return true;
        }
        return forwardedProto != null && trusted.trusts(socketIp)
                && "https".equalsIgnoreCase(forwardedProto.split(",")[0].trim());
    }

    /**
     * Walks {@code X-Forwarded-For} from the right, as each proxy appended the peer it saw: the first entry that is
     * not a trusted proxy is the client. An entry that is not an IP address ends the walk at the last address read;
     * if every entry is a trusted proxy, the left-most is the client.
     */
    private static ClientAddress rightMostUntrusted(TrustedProxies trusted, String forwardedFor, ClientAddress socket) {
        String[] entries = forwardedFor.split(",");
        ClientAddress client = socket;
        for (int i = entries.length - 1; i >= 0; i--) {
            Optional<ClientAddress> entry = parseHostPort(entries[i].trim());
            if (entry.isEmpty()) {
                break;
            }
            client = entry.get();
            if (!trusted.trusts(client.ip())) {
                break;
            }
        }
        return client;
    }

    /** {@code 1.2.3.4}, {@code 1.2.3.4:5678}, {@code [::1]:5678} or a bare IPv6 address; empty if not an address. */
    private static Optional<ClientAddress> parseHostPort(String value) {
        ClientAddress parsed = new ClientAddress(value, 0);
        if (value.startsWith("[")) {
            int end = value.indexOf(']');
            if (end > 0) {
                String rest = value.substring(end + 1);
                parsed = new ClientAddress(value.substring(1, end), rest.startsWith(":") ? parsePort(rest.substring(1)) : 0);
            }
        } else {
            int colon = value.indexOf(':');
            if (colon > 0 && colon == value.lastIndexOf(':')) {
                parsed = new ClientAddress(value.substring(0, colon), parsePort(value.substring(colon + 1)));
            }
        }
        return TrustedProxies.literal(parsed.ip()).isPresent() ? Optional.of(parsed) : Optional.empty();
    }

    private static int parsePort(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
