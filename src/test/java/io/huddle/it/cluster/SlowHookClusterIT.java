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
import java.util.List;
import java.util.Map;

import static io.huddle.it.RoomOps.join;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two WildFly nodes over a real Redis, with a say hook ({@link SlowSayHook}) that can take seconds: a slow hook on
 * one node holds up only its own room there — other rooms' messages, node commands and the node's Redis calls go on,
 * and the slow room's messages still arrive in order.
 */
class SlowHookClusterIT {

    private static final File WORK = new File("target/slow-hook-it");
    private static final Duration BOOT = Duration.ofSeconds(180);
    /** How long the hook sleeps; everything else must be answered well within it. */
    private static final long SLEEP_MILLIS = 6000;
    private static final long PROMPT_MILLIS = 2500;

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
    void aSlowSayHookOnOneNodeHoldsUpOnlyItsRoomThere() throws Exception {
        RoomOps opsA = new RoomOps(a.url());
        String slowRoom = opsA.newRoom("slow");
        String fastRoom = opsA.newRoom("fast");
        String otherRoom = opsA.newRoom("other");
        try (TestClient sender = TestClient.connect(a.url());
             TestClient slowMember = TestClient.connect(b.url());
             TestClient fastMember = TestClient.connect(b.url())) {
            join(sender, slowRoom);
            join(sender, fastRoom);
            join(slowMember, slowRoom);
            join(fastMember, fastRoom);

            sender.request("say", Map.of("room", slowRoom, "message", "sleep " + SLEEP_MILLIS + " first"));
            Thread.sleep(300); // node b's hook is asleep now, on the delivery of "first" to slowMember
            long start = System.nanoTime();

            sender.request("say", Map.of("room", fastRoom, "message", "still fast"));
            fastMember.awaitContext("user", m -> m.getString("message").equals("still fast"));
            assertPrompt(start, "a message in another room reached node b's member");

            join(fastMember, otherRoom);
            assertPrompt(start, "node b joined a room (Redis calls and a new subscription)");

            assertEquals("ok", opsA.op("removeMember", otherRoom, fastMember.id(), null).body());
            assertPrompt(start, "node a had node b run a command for it");

            for (int i = 1; i <= 3; i++) {
                sender.request("say", Map.of("room", slowRoom, "message", "sleep 100 then #" + i));
            }
            slowMember.awaitContext("user", m -> m.getString("message").endsWith("#3"));
            assertTrue(elapsedMillis(start) >= SLEEP_MILLIS - 500, "the slow room waited for its hook");
            assertEquals(List.of("sleep " + SLEEP_MILLIS + " first", "sleep 100 then #1", "sleep 100 then #2",
                    "sleep 100 then #3"), chatIn(slowMember, slowRoom));
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
