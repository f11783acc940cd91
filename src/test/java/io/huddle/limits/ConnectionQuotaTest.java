package io.huddle.limits;

import io.huddle.cluster.ClusterReconnected;
import io.huddle.cluster.ClusterUnavailable;
import io.huddle.cluster.FingerprintConnections;
import io.huddle.config.ConnectionCapSettings;
import io.huddle.connection.ClientError;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Connections per address and per fingerprint: exact caps, and every admission released exactly once. */
class ConnectionQuotaTest {

    private static final String ADDRESS_FULL =
            "too many connections from your address: at most 3 at a time; close one and try again";

    private final ConnectionQuota quota = quota(3, 2);

    private static ConnectionQuota quota(int perAddress, int perFingerprint) {
        ConnectionQuota quota = new ConnectionQuota();
        quota.caps = new ConnectionCapSettings(perAddress, perFingerprint);
        quota.refusals = new Refusals();
        quota.cluster = FingerprintConnections.SINGLE_NODE;
        return quota;
    }

    private ConnectionQuota.Admission admit(String address, String fingerprint) {
        return quota.admit(address, fingerprint, () -> "");
    }

    private void assertRefused(String text, String address, String fingerprint) {
        ClientError refused = assertThrows(ClientError.class, () -> admit(address, fingerprint));
        assertEquals(text, refused.getMessage());
        assertEquals(429, refused.status());
    }

    @Test
    void anAddressGetsItsCapAndNoMoreUntilOneCloses() {
        for (int i = 0; i < 3; i++) {
            quota.opened("c" + i, admit("203.0.113.7", "fp" + i));
        }
        assertRefused(ADDRESS_FULL, "203.0.113.7", "fp3");
        admit("203.0.113.8", "fp4"); // another address is not affected
        quota.closed("c0");
        quota.closed("c0");
        quota.opened("c4", admit("203.0.113.7", "fp5"));
        assertRefused(ADDRESS_FULL, "203.0.113.7", "fp6"); // closing twice freed one place, not two
        assertEquals(Map.of("connectionsPerAddress", 2L), quota.refusals.counts());
    }

    @Test
    void aFingerprintGetsItsCapAndARefusalTakesNoPlaceOfItsAddress() {
        admit("203.0.113.7", "browser");
        admit("203.0.113.7", "browser");
        assertRefused("too many connections from this browser: at most 2 at a time; close one and try again",
                "203.0.113.7", "browser");
        assertEquals(2, quota.fromAddress("203.0.113.7"));
        admit("203.0.113.7", "another browser");
    }

    @Test
    void anIpv6ClientIsCountedByItsSlash64() {
        for (int i = 1; i <= 3; i++) {
            admit("2001:db8:1:2::" + i, "fp" + i);
        }
        assertRefused(ADDRESS_FULL, "2001:db8:1:2:ffff::9", "fp4");
        admit("2001:db8:1:3::1", "fp5");
    }

    @Test
    void aFailedUpgradeIsReleasedAtOnceAndASocketThatOpensAnywayIsCountedAgain() {
        ConnectionQuota.Admission admission = admit("203.0.113.7", "fp");
        admission.release();
        admission.release();
        assertEquals(0, quota.fromAddress("203.0.113.7"));
        quota.opened("c", admission);
        assertEquals(1, quota.fromAddress("203.0.113.7"));
        quota.closed("c");
        assertEquals(0, quota.fromAddress("203.0.113.7"));
        assertEquals(0, quota.withFingerprint("fp"));
    }

    @Test
    void anAdmissionWhoseSocketNeverOpensIsReleasedWhenItsTimeIsUp() {
        long start = System.nanoTime();
        List<ConnectionQuota.Admission> admissions = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            admissions.add(quota.admit("203.0.113.7", "fp" + i, () -> "", start));
        }
        quota.opened("c0", admissions.get(0));
        assertThrows(ClientError.class, () -> quota.admit("203.0.113.7", "fp3", () -> "", start + 1));
        long later = start + ConnectionQuota.PENDING_NANOS + 1;
        ConnectionQuota.Admission fresh = quota.admit("203.0.113.7", "fp4", () -> "", later);
        assertEquals(2, quota.fromAddress("203.0.113.7"), "the open one and the new one");
        quota.opened("c1", admissions.get(1)); // late after all: counted again, and released when it closes
        assertEquals(3, quota.fromAddress("203.0.113.7"));
        quota.closed("c1");
        quota.closed("c0");
        fresh.release();
        assertEquals(0, quota.fromAddress("203.0.113.7"));
        assertEquals(0, quota.withFingerprint("fp1"));
    }

    @Test
    void concurrentUpgradesNeverOvershootTheCapAndAllReleaseToZero() throws Exception {
        ConnectionQuota shared = quota(50, 1000);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<ConnectionQuota.Admission>> results = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            String fingerprint = "fp" + i % 7;
            results.add(pool.submit(() -> {
                go.await();
                try {
                    return shared.admit("203.0.113.7", fingerprint, () -> "");
                } catch (ClientError refused) {
                    return null;
                }
            }));
        }
        go.countDown();
        List<ConnectionQuota.Admission> admitted = new ArrayList<>();
        for (Future<ConnectionQuota.Admission> result : results) {
            if (result.get() != null) {
                admitted.add(result.get());
            }
        }
        assertEquals(50, admitted.size());
        assertEquals(50, shared.fromAddress("203.0.113.7"));
        List<Future<?>> closes = new ArrayList<>();
        for (int i = 0; i < admitted.size(); i++) {
            String id = "c" + i;
            ConnectionQuota.Admission admission = admitted.get(i);
            closes.add(pool.submit(() -> {
                shared.opened(id, admission);
                shared.closed(id);
            }));
        }
        for (Future<?> close : closes) {
            close.get();
        }
        pool.shutdown();
        assertTrue(pool.awaitTermination(5, TimeUnit.SECONDS));
        assertEquals(0, shared.fromAddress("203.0.113.7"));
        for (int i = 0; i < 7; i++) {
            assertEquals(0, shared.withFingerprint("fp" + i));
        }
    }
    /** The cluster's count as a test scripts it: a cap across "other nodes", or Redis away. */
    private static final class ScriptedCluster implements FingerprintConnections {
        final Map<String, Integer> counts = new HashMap<>();
        Map<String, Integer> rewritten;
        boolean away;

        @Override
        public boolean admit(String fingerprint, int max) {
            unavailableIfAway();
            if (counts.getOrDefault(fingerprint, 0) >= max) {
                return false;
            }
            counts.merge(fingerprint, 1, Integer::sum);
            return true;
        }

        @Override
        public void release(String fingerprint) {
            unavailableIfAway();
            counts.merge(fingerprint, -1, Integer::sum);
        }

        @Override
        public void rewrite(Map<String, Integer> counts) {
            unavailableIfAway();
            rewritten = Map.copyOf(counts);
        }

        private void unavailableIfAway() {
            if (away) {
                throw new ClusterUnavailable("scripted");
            }
        }
    }

    @Test
    void aFingerprintAtTheClusterCapIsRefusedAndGivesBackItsPlacesOnThisNode() {
        ScriptedCluster cluster = new ScriptedCluster();
        quota.cluster = cluster;
        cluster.counts.put("browser", 2); // two tabs on other nodes
        assertRefused("too many connections from this browser: at most 2 at a time; close one and try again",
                "203.0.113.7", "browser");
        assertEquals(0, quota.fromAddress("203.0.113.7"));
        assertEquals(0, quota.withFingerprint("browser"));
        cluster.counts.put("browser", 1); // one of them closed
        quota.opened("c1", admit("203.0.113.7", "browser"));
        assertEquals(2, cluster.counts.get("browser"));
        quota.closed("c1");
        assertEquals(1, cluster.counts.get("browser"), "released in the cluster too");
    }

    @Test
    void whileRedisIsAwayTheCapHoldsPerNodeAndItsCountsAreWrittenAgainWhenItIsBack() {
        ScriptedCluster cluster = new ScriptedCluster();
        quota.cluster = cluster;
        quota.opened("counted", admit("203.0.113.7", "a"));
        cluster.away = true;
        // admitted while Redis is away (an outage must not refuse everyone), up to this node's own cap
        quota.opened("b1", admit("203.0.113.7", "b"));
        quota.opened("b2", admit("203.0.113.8", "b"));
        assertRefused("too many connections from this browser: at most 2 at a time; close one and try again",
                "203.0.113.9", "b");
        quota.closed("counted"); // its release is lost
        cluster.away = false;
        quota.recount(new ClusterReconnected());
        assertEquals(Map.of("a", 0, "b", 2), cluster.rewritten, "the lost release and the uncounted places");
        cluster.counts.clear();
        cluster.counts.putAll(cluster.rewritten);
        quota.closed("b1");
        assertEquals(1, cluster.counts.get("b"), "counted in Redis since the rewrite, so released there");
    }
}
