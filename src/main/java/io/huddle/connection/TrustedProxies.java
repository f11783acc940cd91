package io.huddle.connection;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The proxies whose forwarding headers ({@code X-Real-IP}, {@code X-Forwarded-For}, {@code X-Forwarded-Port},
 * {@code X-Forwarded-Proto}) Huddle believes ({@code huddle.web.trustedProxies}): IPv4 and IPv6 addresses and CIDR
 * ranges. Empty trusts nobody, so a client cannot choose its own {@code remoteIP} by sending a header.
 */
public final class TrustedProxies {

    /** Nobody is trusted: every request's address is its socket's. */
    public static final TrustedProxies NONE = new TrustedProxies(List.of());

    /** Dotted IPv4 only: {@link InetAddress#getByName} would look anything else without a colon up in DNS. */
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private final List<Range> ranges;

    private TrustedProxies(List<Range> ranges) {
        this.ranges = ranges;
    }

    /**
     * Reads a list such as {@code 10.0.0.0/8, 192.168.1.7, ::1, fd00::/8}.
     *
     * @throws IllegalArgumentException naming the first entry that is not an address or a range
     */
    public static TrustedProxies parse(List<String> entries) {
        List<Range> ranges = new ArrayList<>();
        for (String entry : entries) {
            ranges.add(Range.parse(entry.trim()));
        }
        return new TrustedProxies(List.copyOf(ranges));
    }

    /** Whether any proxy is trusted at all. */
    public boolean any() {
        return !ranges.isEmpty();
    }

    /** Whether {@code address} (an IP literal; anything else is not trusted) is one of the trusted proxies. */
    public boolean trusts(String address) {
        if (ranges.isEmpty()) {
            return false;
        }
        return literal(address).map(ip -> ranges.stream().anyMatch(range -> range.contains(ip))).orElse(false);
    }

    /**
     * The address an IP literal names, without a DNS lookup; empty for anything else. An IPv4-mapped IPv6 address
     * ({@code ::ffff:10.0.0.1}, as some containers report IPv4 peers) comes back as the IPv4 address.
     */
    public static Optional<InetAddress> literal(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String value = text.trim();
        if (value.startsWith("[") && value.endsWith("]")) {
            value = value.substring(1, value.length() - 1);
        }
        if (value.isEmpty() || value.indexOf('%') >= 0 || !(value.indexOf(':') >= 0 || IPV4.matcher(value).matches())) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(value)); // a literal: parsed, never resolved
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return ranges.toString();
    }

    /** An address and how many of its leading bits a peer must share with it. */
    private record Range(byte[] network, int prefixBits, String text) {

        static Range parse(String entry) {
            int slash = entry.indexOf('/');
            String address = slash < 0 ? entry : entry.substring(0, slash);
            InetAddress ip = literal(address).orElseThrow(() -> new IllegalArgumentException(entry));
            int maxBits = ip.getAddress().length * 8;
            int bits = maxBits;
            if (slash >= 0) {
                try {
                    bits = Integer.parseInt(entry.substring(slash + 1));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(entry);
                }
                if (bits < 0 || bits > maxBits) {
                    throw new IllegalArgumentException(entry);
                }
            }
            return new Range(ip.getAddress(), bits, entry);
        }

        boolean contains(InetAddress candidate) {
            byte[] bytes = candidate.getAddress();
            if (bytes.length != network.length) {
                return false;
            }
            int whole = prefixBits / 8;
            for (int i = 0; i < whole; i++) {
                if (bytes[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefixBits % 8;
            if (rest == 0) {
                return true;
            }
            int mask = 0xff << (8 - rest) & 0xff;
            return (bytes[whole] & mask) == (network[whole] & mask);
        }

        @Override
        public String toString() {
            return text;
        }
    }
}
