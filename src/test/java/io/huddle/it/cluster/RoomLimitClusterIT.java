package io.huddle.it.cluster;

import io.huddle.it.Deployments;
import io.huddle.it.RawUpgrade;
import io.huddle.it.RoomOps;
import io.huddle.it.ServerNode;
import io.huddle.it.TestClient;
import io.huddle.it.TestHttp;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.huddle.it.Eventually.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The caps that hold for the cluster, not per node, on two WildFly nodes sharing a real Redis. The room cap: each node
 * with {@code huddle.chat.maxRooms} {@value #MAX_ROOMS}, creating rooms as fast as they can at the same time, together
 * create exactly that many; the idle client rooms then go (swept by whichever node claims them) while an occupied one
 * stays, and {@code listRooms} reads a bounded page from Redis. The connections of one fingerprint
 * ({@code huddle.limits.connectionsPerFingerprint} {@value #PER_FINGERPRINT}) count on both nodes together.
 */
class RoomLimitClusterIT {

    private static final File WORK = new File("target/room-limit-cluster-it");
    private static final Duration BOOT = Duration.ofSeconds(180);
    private static final int MAX_ROOMS = 25;
    private static final String PREFIX = "captest";
    private static final int PER_FINGERPRINT = 3;

    private static RedisProcess redis;
    private static ServerNode a;
    private static ServerNode b;

    @BeforeAll
    static void startCluster() throws Exception {
        redis = new RedisProcess(WORK);
        redis.start();
        int offset = Integer.getInteger("it.port.offset", 200);
        a = ServerNode.wildfly("cap-a", war("cap-a"), WORK, offset + 400, Map.of());
        b = ServerNode.wildfly("cap-b", war("cap-b"), WORK, offset + 450, Map.of());
        a.start();
        b.start();
        a.awaitReady(BOOT);
        b.awaitReady(BOOT);
        eventually(Duration.ofSeconds(30), () -> redis.command("SMEMBERS " + PREFIX + ":nodes"),
                nodes -> assertTrue(nodes.contains("cap-a") && nodes.contains("cap-b"), nodes));
    }

    private static File war(String nodeId) {
        File file = new File(WORK, nodeId + ".war");
        Deployments.plain(Deployments.ratesOff(Map.of(
                "huddle.general.id", nodeId,
                "huddle.redis.address", redis.address(),
                "huddle.redis.prefix", PREFIX,
                "huddle.chat.maxRooms", Integer.toString(MAX_ROOMS),
                "huddle.chat.idleRoomTimeout", "3000",
                "huddle.chat.listRoomsLimit", "5",
                "huddle.limits.connectionsPerFingerprint", Integer.toString(PER_FINGERPRINT)), "roomCreate")).as(ZipExporter.class).exportTo(file, true);
        return file;
    }

    @AfterAll
    static void stopCluster() throws Exception {
        for (ServerNode node : new ServerNode[]{a, b}) {
            if (node != null) {
                node.kill();
            }
        }
        if (redis != null) {
            redis.stop();
        }
    }

    @Test
    void twoNodesTogetherCreateExactlyTheCapAndTheIdleRoomsThenGoClusterWide() throws Exception {
        int existing = count("HLEN " + PREFIX + ":rooms"); // the starting room
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<Callable<List<String>>> creators = new ArrayList<>();
        for (ServerNode node : List.of(a, b)) {
            for (int c = 0; c < 2; c++) {
                String creator = node.name() + "-" + c;
                creators.add(() -> createUntilRefused(node, run + "-" + creator));
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(creators.size());
        List<String> created = new ArrayList<>();
        try {
            for (Future<List<String>> result : pool.invokeAll(creators)) {
                created.addAll(result.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(MAX_ROOMS - existing, created.size(), "rooms the four creators on two nodes made together");
        assertEquals(MAX_ROOMS, count("HLEN " + PREFIX + ":rooms"), "rooms in Redis");

        try (TestClient onA = TestClient.connect(a.url()); TestClient onB = TestClient.connect(b.url())) {
            JsonObject listed = onA.request("action", Map.of("params",
                    Json.createObjectBuilder().add("action", "listRooms").build()));
            assertEquals(5, listed.getJsonArray("rooms").size(), listed.toString());
            assertEquals(MAX_ROOMS, listed.getInt("total"));
            assertEquals(JsonValue.TRUE, listed.get("truncated"));

            String kept = created.get(0);
            RoomOps.join(onB, kept);
            eventually(Duration.ofSeconds(30), () -> assertEquals(existing + 1, count("HLEN " + PREFIX + ":rooms"),
                    "only the starting room and the occupied one are left"));
            assertTrue(redis.command("HEXISTS " + PREFIX + ":rooms " + kept).startsWith(":1"), "occupied room kept");
            assertEquals(1, count("ZCARD " + PREFIX + ":idleRooms"), "only the occupied room's clock is left");
            RoomOps.join(onA, kept);
            assertEquals(2, RoomOps.members(onA, kept).size());
            JsonObject again = onA.request("action", Map.of("params", Json.createObjectBuilder()
                    .add("action", "createChatRoom").add("name", "after-" + run).build()));
            assertEquals(JsonValue.TRUE, again.get("didCreate"), again.toString());
        }
    }

    @Test
    void oneBrowsersConnectionsCountOnBothNodesTogether() throws Exception {
        String browser = TestHttp.fingerprint(a.url());
        Map<String, String> cookie = Map.of("Cookie", "sessionID=" + browser);
        List<TestClient> tabs = new ArrayList<>();
        try {
            tabs.add(TestClient.connect(a.url(), null, cookie));
            tabs.add(TestClient.connect(a.url(), null, cookie));
            tabs.add(TestClient.connect(b.url(), null, cookie));
            assertEquals(browser, tabs.get(2).details().getString("fingerprint"), "B keeps the fingerprint A signed");
            // a node counts its peers' connections from its first liveness check after they joined
            for (ServerNode node : List.of(b, a)) {
                eventually(Duration.ofSeconds(10), () -> RawUpgrade.attempt(node.url(), null, cookie), refused -> {
                    assertEquals(429, refused.status(), node.name());
                    assertEquals("too many connections from this browser: at most " + PER_FINGERPRINT + " at a time;"
                            + " close one and try again", refused.body());
                });
            }
            assertEquals(101, TestClient.handshakeStatus(b.url(), "sessionID=" + TestHttp.fingerprint(b.url()),
                    Map.of()), "another browser connects");

            tabs.remove(0).close();
            eventually(Duration.ofSeconds(10), () -> assertEquals(101, TestClient.handshakeStatus(b.url(), null,
                    cookie), "the place A freed is free on B"));
        } finally {
            tabs.forEach(TestClient::close);
        }
    }

    @Test
    void aNodeThatIsNotAliveNoLongerCountsAgainstAFingerprint() throws Exception {
        String browser = TestHttp.fingerprint(b.url());
        // what a node that died holding this browser's connections leaves behind
        redis.command("HSET " + PREFIX + ":fingerprint:{" + browser + "}:connections gone-node/1 " + PER_FINGERPRINT);
        List<TestClient> tabs = new ArrayList<>();
        try {
            for (int i = 0; i < PER_FINGERPRINT; i++) {
                tabs.add(TestClient.connect(i % 2 == 0 ? a.url() : b.url(), "sessionID=" + browser, Map.of()));
            }
            eventually(Duration.ofSeconds(10), () -> RawUpgrade.attempt(a.url(), "sessionID=" + browser, Map.of()),
                    refused -> assertEquals(429, refused.status(), "the live nodes' own connections still count"));
        } finally {
            tabs.forEach(TestClient::close);
        }
    }

    /** One client on {@code node} creating rooms until the cap refuses it; the names it created. */
    private static List<String> createUntilRefused(ServerNode node, String prefix) {
        List<String> created = new ArrayList<>();
        try (TestClient client = TestClient.connect(node.url())) {
            for (int i = 0; i < MAX_ROOMS * 2; i++) {
                String room = prefix + "-" + i;
                JsonObject reply = client.request("action", Map.of("params", Json.createObjectBuilder()
                        .add("action", "createChatRoom").add("name", room).build()));
                if (reply.containsKey("error")) {
                    assertEquals("room limit reached (" + MAX_ROOMS + " rooms): try again later",
                            reply.getString("error"));
                    return created;
                }
                assertEquals(JsonValue.TRUE, reply.get("didCreate"), reply.toString());
                created.add(room);
            }
        }
        throw new AssertionError(prefix + " was never refused: created " + created.size());
    }

    /** A Redis integer reply (":12"). */
    private static int count(String command) throws Exception {
        return Integer.parseInt(redis.command(command).trim().substring(1));
    }
}
