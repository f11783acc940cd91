package io.huddle.connection;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The {@code remoteIP} and {@code remotePort} a connection reports: the socket's, unless the peer is a trusted proxy,
 * whose headers are then read as ActionHero reads them (spec §4). Arguments: the trusted proxies, X-Real-IP,
 * X-Forwarded-For, X-Forwarded-Port, then the socket's address and port.
 */
class ClientAddressTest {

    private static final TrustedProxies PROXY = TrustedProxies.parse(List.of("10.0.0.0/8"));

    @Test
    void withoutProxyHeadersTheSocketsAddressIsReported() {
        assertEquals(new ClientAddress("10.0.0.5", 51234), ClientAddress.of(PROXY, null, null, null, "10.0.0.5", 51234));
    }

    @Test
    void headersFromAPeerThatIsNotATrustedProxyAreIgnored() {
        assertEquals(new ClientAddress("198.51.100.2", 51234), ClientAddress.of(PROXY, "203.0.113.1",
                "203.0.113.7:4711", "443", "198.51.100.2", 51234));
        assertEquals(new ClientAddress("10.0.0.5", 51234), ClientAddress.of(TrustedProxies.NONE, "203.0.113.1",
                "203.0.113.7", "443", "10.0.0.5", 51234));
    }

    @Test
    void blankHeadersAreIgnored() {
        assertEquals(new ClientAddress("10.0.0.5", 51234), ClientAddress.of(PROXY, " ", "", "  ", "10.0.0.5", 51234));
    }

    @Test
    void theRightMostForwardedForEntryThatIsNotATrustedProxyIsTheClient() {
        // the client prepended 192.0.2.66 itself; the trusted proxies 10.0.0.1 and 10.0.0.2 appended what they saw
        assertEquals(new ClientAddress("203.0.113.7", 0),
                ClientAddress.of(PROXY, null, "192.0.2.66, 203.0.113.7, 10.0.0.1, 10.0.0.2", null, "10.0.0.5", 51234));
    }

    @Test
    void whenEveryForwardedForEntryIsATrustedProxyTheLeftMostIsTheClient() {
        assertEquals(new ClientAddress("10.1.2.3", 0),
                ClientAddress.of(PROXY, null, "10.1.2.3, 10.0.0.1", null, "10.0.0.5", 51234));
    }

    @Test
    void anEntryThatIsNotAnAddressEndsTheWalkAtTheLastAddressRead() {
        assertEquals(new ClientAddress("10.0.0.1", 0),
                ClientAddress.of(PROXY, null, "203.0.113.7, unknown, 10.0.0.1", null, "10.0.0.5", 51234));
        assertEquals(new ClientAddress("10.0.0.5", 51234),
                ClientAddress.of(PROXY, null, "evil.example.com", null, "10.0.0.5", 51234));
    }

    @Test
    void aForwardedForEntryWithAPortGivesThatPort() {
        assertEquals(new ClientAddress("203.0.113.7", 4711),
                ClientAddress.of(PROXY, null, " 203.0.113.7:4711 ,10.0.0.1", null, "10.0.0.5", 51234));
    }

    @Test
    void ipv6ForwardedForEntriesBracketedOrBare() {
        assertEquals(new ClientAddress("2001:db8::1", 4711), ClientAddress.of(PROXY, null, "[2001:db8::1]:4711", null, "10.0.0.5", 1));
        assertEquals(new ClientAddress("2001:db8::1", 0), ClientAddress.of(PROXY, null, "[2001:db8::1]", null, "10.0.0.5", 1));
        assertEquals(new ClientAddress("2001:db8::1", 0), ClientAddress.of(PROXY, null, "2001:db8::1", null, "10.0.0.5", 1));
    }

    @Test
    void anUnreadablePortInForwardedForCountsAsNone() {
        assertEquals(new ClientAddress("203.0.113.7", 0), ClientAddress.of(PROXY, null, "203.0.113.7:http", null, "10.0.0.5", 1));
    }

    @Test
    void xRealIpWinsOverForwardedForButKeepsItsPort() {
        assertEquals(new ClientAddress("198.51.100.9", 4711),
                ClientAddress.of(PROXY, " 198.51.100.9 ", "203.0.113.7:4711", null, "10.0.0.5", 51234));
        assertEquals(new ClientAddress("198.51.100.9", 51234), ClientAddress.of(PROXY, "198.51.100.9", null, null, "10.0.0.5", 51234));
        assertEquals(new ClientAddress("10.0.0.5", 51234), ClientAddress.of(PROXY, "not an address", null, null, "10.0.0.5", 51234));
    }

    @Test
    void xForwardedPortWinsAndIsReportedAsAString() {
        assertEquals(new ClientAddress("203.0.113.7", "443"),
                ClientAddress.of(PROXY, null, "203.0.113.7:4711", " 443 ", "10.0.0.5", 51234));
        assertEquals(new ClientAddress("10.0.0.5", "443"), ClientAddress.of(PROXY, null, null, "443", "10.0.0.5", 51234));
    }

    @Test
    void httpsIsBelievedFromATrustedProxyOnly() {
        assertTrue(ClientAddress.overHttps(PROXY, false, "https", "10.0.0.5"));
        assertTrue(ClientAddress.overHttps(PROXY, false, "HTTPS, http", "10.0.0.5"));
        assertFalse(ClientAddress.overHttps(PROXY, false, "https", "198.51.100.2"));
        assertFalse(ClientAddress.overHttps(PROXY, false, "http", "10.0.0.5"));
        assertTrue(ClientAddress.overHttps(TrustedProxies.NONE, true, null, "198.51.100.2"));
    }
}
