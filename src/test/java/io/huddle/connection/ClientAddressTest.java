package io.huddle.connection;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The {@code remoteIP} and {@code remotePort} a connection reports, behind proxies as ActionHero reports them (spec §4).
 * Arguments: X-Real-IP, X-Forwarded-For, X-Forwarded-Port, then the socket's address and port.
 */
class ClientAddressTest {

    @Test
    void withoutProxyHeadersTheSocketsAddressIsReported() {
        assertEquals(new ClientAddress("10.0.0.5", 51234), ClientAddress.of(null, null, null, "10.0.0.5", 51234));
    }

    @Test
    void blankHeadersAreIgnored() {
        assertEquals(new ClientAddress("10.0.0.5", 51234), ClientAddress.of(" ", "", "  ", "10.0.0.5", 51234));
    }

    @Test
    void theFirstForwardedForEntryIsTheClientAndItsPortIsZeroWhenItNamesNone() {
        assertEquals(new ClientAddress("203.0.113.7", 0),
                ClientAddress.of(null, "203.0.113.7, 10.0.0.1, 10.0.0.2", null, "10.0.0.5", 51234));
    }

    @Test
    void aForwardedForEntryWithAPortGivesThatPort() {
        assertEquals(new ClientAddress("203.0.113.7", 4711), ClientAddress.of(null, " 203.0.113.7:4711 ,10.0.0.1", null, "10.0.0.5", 51234));
    }

    @Test
    void ipv6ForwardedForEntriesBracketedOrBare() {
        assertEquals(new ClientAddress("2001:db8::1", 4711), ClientAddress.of(null, "[2001:db8::1]:4711", null, "10.0.0.5", 1));
        assertEquals(new ClientAddress("2001:db8::1", 0), ClientAddress.of(null, "[2001:db8::1]", null, "10.0.0.5", 1));
        assertEquals(new ClientAddress("2001:db8::1", 0), ClientAddress.of(null, "2001:db8::1", null, "10.0.0.5", 1));
    }

    @Test
    void anUnreadablePortInForwardedForCountsAsNone() {
        assertEquals(new ClientAddress("203.0.113.7", 0), ClientAddress.of(null, "203.0.113.7:http", null, "10.0.0.5", 1));
    }

    @Test
    void xRealIpWinsOverForwardedForButKeepsItsPort() {
        assertEquals(new ClientAddress("198.51.100.9", 4711),
                ClientAddress.of(" 198.51.100.9 ", "203.0.113.7:4711", null, "10.0.0.5", 51234));
        assertEquals(new ClientAddress("198.51.100.9", 51234), ClientAddress.of("198.51.100.9", null, null, "10.0.0.5", 51234));
    }

    @Test
    void xForwardedPortWinsAndIsReportedAsAString() {
        assertEquals(new ClientAddress("203.0.113.7", "443"),
                ClientAddress.of(null, "203.0.113.7:4711", " 443 ", "10.0.0.5", 51234));
        assertEquals(new ClientAddress("10.0.0.5", "443"), ClientAddress.of(null, null, "443", "10.0.0.5", 51234));
    }
}
