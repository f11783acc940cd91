package io.huddle.it.cluster;

import io.huddle.it.Deployments;
import io.huddle.it.RoomOps;
import io.huddle.it.ServerNode;
import io.huddle.it.TestClient;
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

import static io.huddle.it.RoomOps.join;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two WildFly nodes over a real Redis, with a say hook ({@link SlowSayHook}) that can take seconds. Redisson hands
 * each channel's messages to its executor ({@value #REDISSON_THREADS} threads), which also carries the node's command
 * channel and subscription confirmations: slow hooks in that many rooms at once, run on it, would hold up all of
 * the node's Redis traffic. Run off it, they hold up only their own rooms — presence in another room, a join and a
 * command from the other node are answered at once — and each slow room's messages still arrive in order.
 */
class SlowHookClusterIT {

    private static final File WORK = new File("target/slow-hook-it");
    private static final Duration BOOT = Duration.ofSeconds(180);
    /** How long the hook sleeps; everything else must be answered well within it. */
    private static final long SLEEP_MILLIS = 6000;
    private static final long PROMPT_MILLIS = 2500;
    /** Redisson's default {@code threads}. */
    private static final int REDISSON_THREADS = 16;
    /** More rooms with a sleeping hook than Redisson has threads; each sender and member takes half of them. */
    private static final int SLOW_ROOMS = 20;

    private static RedisProcess redis;
    private static ServerNode a;
    private static ServerNode b;

    @BeforeAll
    static void startCluster() throws Exception {
        redis = new RedisProcess(WORK);
        redis.start();
        // clear of the Arquillian server's ports and of ClusterIT's nodes
        int portOffset = Integer.getInteger("it.port.offset", 200) + 400;
        a = ServerNode.wildfly("slow-a", war("slow-a"), WORK, portOffset, Map.of());
        b = ServerNode.wildfly("slow-b", war("slow-b"), WORK, portOffset + 50, Map.of());
        a.start();
        b.start();
        a.awaitReady(BOOT);
        b.awaitReady(BOOT);
        long deadline = System.currentTimeMillis() + 30_000;
        while (!redis.command("SMEMBERS slowit:nodes").contains("slow-b")
                || !redis.command("SMEMBERS slowit:nodes").contains("slow-a")) {
            assertTrue(System.currentTimeMillis() < deadline, "nodes never registered in Redis");
            Thread.sleep(200);
        }
    }

    private static File war(String nodeId) {
        File file = new File(WORK, nodeId + ".war");
        Deployments.huddle(Map.of(
                        "huddle.general.id", nodeId,
                        "huddle.redis.address", redis.address(),
                        "huddle.redis.prefix", "slowit",
                        "huddle.redis.timeout", "1000"))
                .addClass(SlowSayHook.class)
                .as(ZipExporter.class).exportTo(file, true);
        return file;
    }

    @AfterAll
    static void stopCluster() throws Exception {
        if (a != null) {
            a.kill();
        }
        if (b != null) {
            b.kill();
        }
        if (redis != null) {
            redis.stop();
        }
    }

    @Test
    void slowSayHooksOnOneNodeHoldUpOnlyTheirRoomsThere() throws Exception {
        RoomOps opsA = new RoomOps(a.url());
        List<String> slowRooms = new ArrayList<>();
        for (int i = 0; i < SLOW_ROOMS; i++) {
            slowRooms.add(opsA.newRoom("slow"));
        }
        String otherRoom = opsA.newRoom("other");
        String extraRoom = opsA.newRoom("extra");
        try (TestClient sender1 = TestClient.connect(a.url()); TestClient sender2 = TestClient.connect(a.url());
             TestClient joiner = TestClient.connect(a.url());
             TestClient member1 = TestClient.connect(b.url()); TestClient member2 = TestClient.connect(b.url());
             TestClient watcher = TestClient.connect(b.url())) {
            for (int i = 0; i < SLOW_ROOMS; i++) {
                TestClient sender = i % 2 == 0 ? sender1 : sender2;
                TestClient member = i % 2 == 0 ? member1 : member2;
                join(sender, slowRooms.get(i));
                join(member, slowRooms.get(i));
            }
            join(watcher, otherRoom);

            for (int i = 0; i < SLOW_ROOMS; i++) {
                TestClient sender = i % 2 == 0 ? sender1 : sender2;
                sender.request("say", Map.of("room", slowRooms.get(i), "message", "sleep " + SLEEP_MILLIS + " first"));
            }
            Thread.sleep(500); // node b's hooks are asleep now, delivering "first" in every slow room
            long start = System.nanoTime();

            String joinerId = joiner.id();
            join(joiner, otherRoom);
            watcher.awaitContext("presence", p -> p.getString("event").equals("join")
                    && p.getJsonObject("member").getString("id").equals(joinerId));
            assertPrompt(start, "presence in another room reached node b's member");

            join(watcher, extraRoom);
            assertPrompt(start, "node b joined a room (Redis calls and a new subscription)");

            assertEquals("ok", opsA.op("removeMember", extraRoom, watcher.id(), null).body());
            assertPrompt(start, "node a had node b run a command for it");

            String firstRoom = slowRooms.get(0);
            for (int i = 1; i <= 3; i++) {
                sender1.request("say", Map.of("room", firstRoom, "message", "sleep 100 then #" + i));
            }
            member1.await(v -> v instanceof JsonObject o && o.getString("message", "").endsWith("#3"),
                    Duration.ofMillis(SLEEP_MILLIS * 2));
            assertTrue(elapsedMillis(start) >= SLEEP_MILLIS - 1000, "the slow room waited for its hook");
            assertEquals(List.of("sleep " + SLEEP_MILLIS + " first", "sleep 100 then #1", "sleep 100 then #2",
                    "sleep 100 then #3"), chatIn(member1, firstRoom));
        }
    }

    private static void assertPrompt(long startNanos, String what) {
        long elapsed = elapsedMillis(startNanos);
        assertTrue(elapsed < PROMPT_MILLIS, what + " only after " + elapsed + " ms, while a say hook slept");
    }

    private static long elapsedMillis(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    private static List<String> chatIn(TestClient client, String room) {
        return client.frames().stream()
                .filter(v -> v instanceof JsonObject o && "user".equals(o.getString("context", null))
                        && room.equals(o.getString("room", null)))
                .map(JsonValue::asJsonObject)
                .map(o -> o.getString("message"))
                .toList();
    }
}
