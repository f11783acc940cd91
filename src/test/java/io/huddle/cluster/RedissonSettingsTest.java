package io.huddle.cluster;

import io.huddle.config.ClusterSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redisson.config.Config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Redisson configuration a node runs with: sized for its rooms unless the operator's file says otherwise. */
class RedissonSettingsTest {

    @TempDir
    Path dir;

    @Test
    void aSingleServerHoldsTheNodesRoomsOnOnePubSubConnection() {
        Config config = RedissonSettings.of(settings(Optional.of("redis://127.0.0.1:6379"), Optional.empty(), 5000));
        var server = config.useSingleServer();
        assertEquals(5000 + RedissonSettings.OWN_CHANNELS, server.getSubscriptionsPerConnection());
        assertEquals(RedissonSettings.SUBSCRIPTION_CONNECTIONS, server.getSubscriptionConnectionPoolSize());
        assertEquals(RedissonSettings.PING_INTERVAL_MILLIS, server.getPingConnectionInterval());
        assertTrue(config.isLazyInitialization(), "a node deploys while Redis is down");
    }

    @Test
    void pubSubConnectionsAreNotPingedAndEveryConnectionKeepsTcpKeepalive() {
        Config config = RedissonSettings.of(settings(Optional.of("redis://127.0.0.1:6379"), Optional.empty(), 100));
        assertInstanceOf(PubSubWithoutPing.class, config.getNettyHook());
        assertTrue(config.isTcpKeepAlive());
        assertEquals(RedissonSettings.KEEPALIVE_IDLE_SECONDS, config.getTcpKeepAliveIdle());
        assertEquals(RedissonSettings.KEEPALIVE_INTERVAL_SECONDS, config.getTcpKeepAliveInterval());
        assertEquals(RedissonSettings.KEEPALIVE_PROBES, config.getTcpKeepAliveCount());
    }

    @Test
    void aClusterFileThatKeptRedissonsDefaultsIsSizedAndReadsFromPrimaries() throws IOException {
        Path yaml = Files.writeString(dir.resolve("cluster.yaml"),
                "clusterServersConfig:\n  nodeAddresses:\n    - \"redis://127.0.0.1:7000\"\n");
        Config config = RedissonSettings.of(settings(Optional.empty(), Optional.of(yaml.toString()), 100_000));
        var cluster = config.useClusterServers();
        assertEquals(100_000 + RedissonSettings.OWN_CHANNELS, cluster.getSubscriptionsPerConnection());
        assertEquals(RedissonSettings.SUBSCRIPTION_CONNECTIONS, cluster.getSubscriptionConnectionPoolSize());
        assertEquals(RedissonSettings.CLUSTER_SCAN_INTERVAL_MILLIS, cluster.getScanInterval());
        assertEquals(org.redisson.config.ReadMode.MASTER, cluster.getReadMode());
    }

    @Test
    void valuesTheOperatorSetInTheFileAreKept() throws IOException {
        Path yaml = Files.writeString(dir.resolve("cluster.yaml"), """
                clusterServersConfig:
                  nodeAddresses:
                    - "redis://127.0.0.1:7000"
                  subscriptionsPerConnection: 200000
                  subscriptionConnectionPoolSize: 8
                  scanInterval: 2000
                """);
        var cluster = RedissonSettings.of(settings(Optional.empty(), Optional.of(yaml.toString()), 100_000))
                .useClusterServers();
        assertEquals(200_000, cluster.getSubscriptionsPerConnection());
        assertEquals(8, cluster.getSubscriptionConnectionPoolSize());
        assertEquals(2000, cluster.getScanInterval());
    }

    private static ClusterSettings settings(Optional<String> address, Optional<String> file, int maxRooms) {
        return new ClusterSettings(address, file, Optional.empty(), "huddle", 2000, maxRooms, 10_000, 5000);
    }
}
