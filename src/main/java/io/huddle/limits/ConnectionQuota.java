package io.huddle.limits;

import io.huddle.cluster.ClusterReconnected;
import io.huddle.cluster.ClusterUnavailable;
import io.huddle.cluster.FingerprintConnections;
import io.huddle.config.ConnectionCapSettings;
import io.huddle.connection.ClientError;
import io.huddle.connection.ErrorMessages;
import io.huddle.connection.TrustedProxies;
import io.huddle.logging.ThrottledWarning;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The websocket connections a node holds per client address and per fingerprint
 * ({@code huddle.limits.connectionsPerAddress}, {@code huddle.limits.connectionsPerFingerprint}), checked before the
 * upgrade. A connection is counted from its {@link #admit admission} until {@link #closed}; an admission whose
 * socket never opens is released by the upgrade filter when the container refused the upgrade
 * ({@link Admission#release}), and otherwise (the client vanished before its 101 was read) by the next admission
 * after {@link #PENDING_NANOS}. Counts change atomically per key ({@link ConcurrentHashMap#compute}), so concurrent
 * upgrades never overshoot a cap, and each admission is released exactly once.
 *
 * <p>In a cluster the fingerprint's cap holds across all nodes ({@link FingerprintConnections}, counted in Redis);
 * the address cap stays per node, as each node sees its own share of a proxy's or a NAT's clients. While Redis does
 * not answer, the fingerprint cap falls back to this node's own count (logged at WARNING at most once a minute) and
 * this node's counts are written again when Redis is back: a Redis outage must not refuse every new connection.
 *
 * <p>An IPv6 client is counted by its /64 network: one subscriber's allocation, where a single IPv6 address would
 * let one machine dodge the cap by rotating addresses it already owns.
 */
@ApplicationScoped
public class ConnectionQuota {

    /** Longer than any upgrade takes between the check and the socket opening. */
    static final long PENDING_NANOS = 30_000_000_000L;

    static final String PER_ADDRESS = "connectionsPerAddress";
    static final String PER_FINGERPRINT = "connectionsPerFingerprint";

    /** HTTP's Too Many Requests: the upgrade is refused before any socket exists. */
    static final int TOO_MANY_REQUESTS = 429;

    @Inject
    ConnectionCapSettings caps;

    @Inject
    Refusals refusals;

    @Inject
    FingerprintConnections cluster;

    private static final Logger LOG = Logger.getLogger(ConnectionQuota.class.getName());
    private final ThrottledWarning uncounted = new ThrottledWarning(LOG, Duration.ofMinutes(1));

    private final Map<String, Integer> perAddress = new ConcurrentHashMap<>();
    private final Map<String, Integer> perFingerprint = new ConcurrentHashMap<>();
    /** Fingerprints whose release Redis did not take: written again when it is back ({@link #recount}). */
    private final Set<String> unreleased = ConcurrentHashMap.newKeySet();
    /** Open connections, by connection id, so their close finds what to release. */
    private final Map<String, Admission> open = new ConcurrentHashMap<>();
    /** Admissions in the order they were made, so the oldest still pending is always at the head. */
    private final Queue<Admission> pending = new ConcurrentLinkedQueue<>();

    /**
     * Counts a connection about to be upgraded.
     *
     * @param hint added to the log line of a refusal (a word for the operator), built only when logged
     * @return the place it takes: {@link #opened} when its socket opens, or {@link Admission#release} if none will
     * @throws ClientError with status 429 when the address or the fingerprint is at its cap
     */
    public Admission admit(String address, String fingerprint, Supplier<String> hint) {
        return admit(address, fingerprint, hint, System.nanoTime());
    }

    Admission admit(String address, String fingerprint, Supplier<String> hint, long now) {
        expirePending(now);
        String addressKey = addressKey(address);
        if (!increment(perAddress, addressKey, caps.perAddress())) {
            refusals.refused(PER_ADDRESS, address, () -> caps.perAddress() + " websocket connections from "
                    + addressKey + " are open on this node" + hint.get());
            throw new ClientError(ErrorMessages.tooManyConnectionsFromAddress(caps.perAddress()),
                    TOO_MANY_REQUESTS);
        }
        int max = caps.perFingerprint();
        if (!increment(perFingerprint, fingerprint, max)) {
            decrement(perAddress, addressKey);
            throw refusedFingerprint(address, "on this node");
        }
        ClusterShare share = countInCluster(fingerprint, max);
        if (share == ClusterShare.FULL) {
            decrement(perAddress, addressKey);
            decrement(perFingerprint, fingerprint);
            throw refusedFingerprint(address, "in the cluster");
        }
        Admission admission = new Admission(addressKey, fingerprint, now + PENDING_NANOS,
                share == ClusterShare.COUNTED);
        pending.add(admission);
        return admission;
    }

    private ClientError refusedFingerprint(String address, String where) {
        int max = caps.perFingerprint();
        refusals.refused(PER_FINGERPRINT, address, () -> max + " websocket connections with one fingerprint are open "
                + where);
        return new ClientError(ErrorMessages.tooManyConnectionsWithFingerprint(max), TOO_MANY_REQUESTS);
    }

    /** What the cluster-wide count said of one more connection. */
    private enum ClusterShare { COUNTED, UNCOUNTED, FULL }

    private ClusterShare countInCluster(String fingerprint, int max) {
        try {
            return cluster.admit(fingerprint, max) ? ClusterShare.COUNTED : ClusterShare.FULL;
        } catch (ClusterUnavailable e) {
            warnUncounted(e);
            return ClusterShare.UNCOUNTED;
        }
    }

    private void releaseInCluster(String fingerprint) {
        try {
            cluster.release(fingerprint);
        } catch (ClusterUnavailable e) {
            unreleased.add(fingerprint);
            LOG.log(Level.FINE, "could not release a connection of a fingerprint in Redis; rewritten when it is back", e);
        }
    }

    /** Also at boot, before the node first reached Redis: so it says what cannot be done, not that Redis left. */
    private void warnUncounted(ClusterUnavailable cause) {
        uncounted.warn(() -> "cannot count this fingerprint's connections in Redis (" + cause.getMessage() + "):"
                + " huddle.limits.connectionsPerFingerprint holds per node until Redis answers (logged at most once a"
                + " minute)");
    }

    /**
     * Redis was away or came back empty: this node's fingerprint counts there are written again from its own, so a
     * release lost meanwhile does not keep a user refused, and a Redis that lost its data counts this node again.
     */
    void recount(@Observes ClusterReconnected reconnected) {
        Set<String> released = Set.copyOf(unreleased);
        Map<String, Integer> counts = new HashMap<>(perFingerprint);
        released.forEach(fingerprint -> counts.putIfAbsent(fingerprint, 0));
        try {
            cluster.rewrite(counts);
            unreleased.removeAll(released);
            // what was admitted while Redis was away is in Redis now: its close must release it there too
            open.values().forEach(Admission::countedInCluster);
            pending.forEach(Admission::countedInCluster);
        } catch (ClusterUnavailable e) {
            LOG.log(Level.WARNING, "could not rewrite this node's connections per fingerprint in Redis: " + e.getMessage());
        }
    }

    /** The admitted connection's socket opened: it stays counted until {@link #closed}. */
    public void opened(String connectionId, Admission admission) {
        open.put(connectionId, admission);
        admission.open();
    }

    /** The connection closed: its place is free. Safe to call more than once. */
    public void closed(String connectionId) {
        Admission admission = open.remove(connectionId);
        if (admission != null) {
            admission.release();
        }
    }

    /** Open and pending connections from {@code address} (its /64 for IPv6) on this node. */
    public int fromAddress(String address) {
        return perAddress.getOrDefault(addressKey(address), 0);
    }

    /** Open and pending connections with {@code fingerprint} on this node. */
    public int withFingerprint(String fingerprint) {
        return perFingerprint.getOrDefault(fingerprint, 0);
    }

    private void expirePending(long now) {
        Admission oldest;
        while ((oldest = pending.peek()) != null && (!oldest.isPending() || oldest.deadline - now <= 0)) {
            if (pending.remove(oldest)) {
                oldest.expire();
            }
        }
    }

    /** Adds one for {@code key} unless it already has {@code max}. */
    private static boolean increment(Map<String, Integer> counts, String key, int max) {
        boolean[] added = {false};
        counts.compute(key, (k, count) -> {
            int current = count == null ? 0 : count;
            if (current >= max) {
                return count;
            }
            added[0] = true;
            return current + 1;
        });
        return added[0];
    }

    private static void decrement(Map<String, Integer> counts, String key) {
        counts.computeIfPresent(key, (k, count) -> count <= 1 ? null : count - 1);
    }

    /** What an address is counted as: itself, or its /64 network for IPv6. */
    static String addressKey(String address) {
        Optional<InetAddress> ip = TrustedProxies.literal(address);
        if (ip.isPresent() && ip.get() instanceof Inet6Address) {
            return HexFormat.of().formatHex(Arrays.copyOf(ip.get().getAddress(), 8)) + "::/64";
        }
        return ip.map(InetAddress::getHostAddress).orElse(String.valueOf(address));
    }

    /** One admitted connection's place: pending until its socket opens, counted until released, released once. */
    public final class Admission {

        private final String address;
        private final String fingerprint;
        private final long deadline;
        private boolean opened;
        private boolean counted = true;
        /** Whether the cluster-wide count holds this place too (false on a single node or while Redis was away). */
        private boolean countedInCluster;

        private Admission(String address, String fingerprint, long deadline, boolean countedInCluster) {
            this.address = address;
            this.fingerprint = fingerprint;
            this.deadline = deadline;
            this.countedInCluster = countedInCluster;
        }

        synchronized boolean isPending() {
            return counted && !opened;
        }

        /**
         * Its socket opened. One that opens after its admission was released (it expired, or the upgrade filter took
         * the upgrade for failed) is counted again, over the cap if need be: it is open, and its close releases it.
         */
        synchronized void open() {
            if (!counted) {
                perAddress.merge(address, 1, Integer::sum);
                perFingerprint.merge(fingerprint, 1, Integer::sum);
                counted = true;
            }
            opened = true;
        }

        /** The cluster-wide count holds this place now (rewritten after Redis was away). */
        synchronized void countedInCluster() {
            if (counted) {
                countedInCluster = true;
            }
        }

        /** Frees its place: its connection closed, or its upgrade failed. Idempotent. */
        public synchronized void release() {
            if (counted) {
                uncount();
            }
        }

        /** Frees its place if its socket has not opened in time. */
        synchronized void expire() {
            if (counted && !opened) {
                uncount();
            }
        }

        private void uncount() {
            decrement(perAddress, address);
            decrement(perFingerprint, fingerprint);
            counted = false;
            if (countedInCluster) {
                countedInCluster = false;
                releaseInCluster(fingerprint);
            }
        }
    }
}
