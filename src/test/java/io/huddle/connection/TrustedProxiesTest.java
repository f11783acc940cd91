package io.huddle.connection;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code huddle.web.trustedProxies}: addresses and CIDR ranges, IPv4 and IPv6, never a host name. */
class TrustedProxiesTest {

    @Test
    void nobodyIsTrustedByDefault() {
        assertFalse(TrustedProxies.NONE.trusts("127.0.0.1"));
        assertFalse(TrustedProxies.parse(List.of()).any());
    }

    @Test
    void ipv4AddressesAndRanges() {
        TrustedProxies trusted = TrustedProxies.parse(List.of("192.168.1.7", "10.0.0.0/8", "172.16.0.0/12"));
        assertTrue(trusted.trusts("192.168.1.7"));
        assertFalse(trusted.trusts("192.168.1.8"));
        assertTrue(trusted.trusts("10.255.0.1"));
        assertTrue(trusted.trusts("172.31.255.255"));
        assertFalse(trusted.trusts("172.32.0.1"));
        assertTrue(trusted.trusts("::ffff:10.1.1.1"), "an IPv4-mapped IPv6 peer is its IPv4 address");
        assertFalse(trusted.trusts("2001:db8::1"));
    }

    @Test
    void ipv6AddressesAndRanges() {
        TrustedProxies trusted = TrustedProxies.parse(List.of("::1", "fd00::/8", "2001:db8:0:1::/63"));
        assertTrue(trusted.trusts("::1"));
        assertTrue(trusted.trusts("0:0:0:0:0:0:0:1"));
        assertTrue(trusted.trusts("fdab:1::2"));
        assertTrue(trusted.trusts("2001:db8:0:1::9"));
        assertFalse(trusted.trusts("2001:db8:0:2::9"));
        assertFalse(trusted.trusts("127.0.0.1"));
    }

    @Test
    void hostNamesAndGarbageAreNeitherAcceptedNorLookedUp() {
        TrustedProxies trusted = TrustedProxies.parse(List.of("0.0.0.0/0"));
        assertFalse(trusted.trusts("localhost"));
        assertFalse(trusted.trusts("unknown"));
        assertFalse(trusted.trusts(null));
        assertEquals("localhost", assertThrows(IllegalArgumentException.class,
                () -> TrustedProxies.parse(List.of("localhost"))).getMessage());
        assertThrows(IllegalArgumentException.class, () -> TrustedProxies.parse(List.of("10.0.0.0/33")));
        assertThrows(IllegalArgumentException.class, () -> TrustedProxies.parse(List.of("::1/129")));
        assertThrows(IllegalArgumentException.class, () -> TrustedProxies.parse(List.of("10.0.0.0/x")));
    }
}
