package io.huddle.connection;

/**
 * The client's address as ActionHero reports it (spec §4): {@code X-Real-IP}, else the first
 * {@code X-Forwarded-For} entry, else the socket; the port from {@code X-Forwarded-Port} (a string), else from
 * {@code X-Forwarded-For} (0 when it has none), else the socket port. Shared by websocket handshakes and HTTP requests.
 */
public record ClientAddress(String ip, Object port) {

    public static ClientAddress of(String realIp, String forwardedFor, String forwardedPort, String socketIp, int socketPort) {
        String ip = socketIp;
        Object port = socketPort;
        if (forwardedFor != null && !forwardedFor.isBlank()) {
            String first = forwardedFor.split(",")[0].trim();
            ClientAddress parsed = parseHostPort(first);
            ip = parsed.ip();
            port = parsed.port();
        }
        if (realIp != null && !realIp.isBlank()) {
            ip = realIp.trim();
        }
        if (forwardedPort != null && !forwardedPort.isBlank()) {
            port = forwardedPort.trim();
        }
        return new ClientAddress(ip, port);
    }

    /** {@code 1.2.3.4}, {@code 1.2.3.4:5678}, {@code [::1]:5678} or a bare IPv6 address. */
    private static ClientAddress parseHostPort(String value) {
        if (value.startsWith("[")) {
            int end = value.indexOf(']');
            if (end > 0) {
                String host = value.substring(1, end);
                String rest = value.substring(end + 1);
                return new ClientAddress(host, rest.startsWith(":") ? parsePort(rest.substring(1)) : 0);
            }
        }
        int colon = value.indexOf(':');
        if (colon > 0 && colon == value.lastIndexOf(':')) {
            return new ClientAddress(value.substring(0, colon), parsePort(value.substring(colon + 1)));
        }
        return new ClientAddress(value, 0);
    }

    private static int parsePort(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
