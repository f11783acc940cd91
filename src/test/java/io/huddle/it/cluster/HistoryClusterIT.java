package io.huddle.it.cluster;

import io.huddle.it.Deployments;
import io.huddle.it.RecoveryRace;
import io.huddle.it.RoomOps;
import io.huddle.it.ServerNode;
import io.huddle.it.TestClient;
import jakarta.json.JsonObject;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.File;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import static io.huddle.it.Eventually.eventually;
import static io.huddle.it.HistoryOps.awaitSaid;
import static io.huddle.it.HistoryOps.connectWithPositions;
import static io.huddle.it.HistoryOps.rejoin;
import static io.huddle.it.HistoryOps.said;
import static io.huddle.it.HistoryOps.sayNumbered;
import static io.huddle.it.HistoryOps.texts;
import static io.huddle.it.RoomOps.join;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Room history across two nodes — WildFly and Payara Micro, each its own process, as in {@link ClusterIT} — over a
 * real Redis: positions are the same on every node, a client recovers on one server what was said on the other, also
 * while messages keep coming, a destroyed room leaves no history in Redis, a Redis that restarted empty starts a new
 * epoch, and a WildFly node killed while its client was away loses nothing the client can recover on Payara. The
 * nodes serve every test; the fault tests run last, in order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HistoryClusterIT {

    private static final File WORK = new File("target/history-cluster-it");
    private static final Duration BOOT = Duration.ofSeconds(180);

    private static RedisProcess redis;
    /** WildFly. */
    private static ServerNode one;
    /** Payara Micro. */
    private static ServerNode two;

    @BeforeAll
    static void startCluster() throws Exception {
        redis = new RedisProcess(WORK);
        redis.start();
        int offset = Integer.getInteger("it.port.offset", 200);
        one = ServerNode.wildfly("history-one", war("history-one"), WORK, offset + 300, Map.of());
        two = ServerNode.payara("history-two", war("history-two"), WORK, RedisProcess.freePort(), Map.of());
        one.start();
        two.start();
        one.awaitReady(BOOT);
        two.awaitReady(BOOT);
        eventually(Duration.ofSeconds(30), () -> redis.command("SMEMBERS ithistory:nodes"), nodes -> assertTrue(
                nodes.contains("history-one") && nodes.contains("history-two"), "nodes in Redis: " + nodes));
    }

    private static File war(String nodeId) {
        File file = new File(WORK, nodeId + ".war");
        Deployments.plain(Deployments.ratesOff(Map.of("huddle.general.id", nodeId, "huddle.redis.address", redis.address(),
                        "huddle.redis.prefix", "ithistory", "huddle.redis.timeout", "1000",
                        "huddle.chat.rooms.busy.history.size", "1000",
                        "huddle.websocket.outbox.maxMessages", "2000"), "say", "frames"))
                .as(ZipExporter.class).exportTo(file, true);
        return file;
    }

    @AfterAll
    static void stopCluster() throws Exception {
        for (ServerNode node : new ServerNode[]{one, two}) {
            if (node != null) {
                node.kill();
            }
        }
        if (redis != null) {
            redis.stop();
        }
    }

    @Test
    @Order(1)
    void bothNodesDeliverARoomsMessagesWithTheSamePositionsInTheSameOrder() throws Exception {
        String room = new RoomOps(one.url()).newRoom("same");
        try (TestClient a = connectWithPositions(one.url()); TestClient b = connectWithPositions(two.url())) {
            join(a, room);
            join(b, room);
            for (int i = 1; i <= 10; i++) {
                (i % 2 == 0 ? a : b).request("say", Map.of("room", room, "message", "m-" + i));
            }
            awaitSaid(a, room, "m-10");
            awaitSaid(b, room, "m-10");
            awaitSaid(a, room, "m-9");
            awaitSaid(b, room, "m-9");
            List<String> positionsOnOne = said(a, room).stream().map(m -> m.getString("position")).toList();
            List<String> positionsOnTwo = said(b, room).stream().map(m -> m.getString("position")).toList();
            assertEquals(positionsOnOne, positionsOnTwo);
            assertEquals(texts(said(a, room)), texts(said(b, room)));
        }
    }

    @Test
    @Order(2)
    void aClientRecoversOnItsNodeWhatWasSaidOnTheOther() throws Exception {
        String room = new RoomOps(one.url()).newRoom("recover");
        try (TestClient b = TestClient.connect(two.url())) {
            join(b, room);
            JsonObject lastSeen;
            try (TestClient a = connectWithPositions(one.url())) {
                join(a, room);
                b.request("say", Map.of("room", room, "message", "before"));
                lastSeen = awaitSaid(a, room, "before");
            }
            sayNumbered(b, room, "missed", 20);
            try (TestClient a = connectWithPositions(one.url())) {
                JsonObject verdict = rejoin(a, room, lastSeen);
                b.request("say", Map.of("room", room, "message", "live"));
                awaitSaid(a, room, "live");
                List<String> expected = new java.util.ArrayList<>(
                        IntStream.rangeClosed(1, 20).mapToObj(i -> "missed-" + i).toList());
                expected.add("live");
                assertEquals(expected, texts(said(a, room)));
                assertTrue(verdict.getBoolean("recovered"), verdict.toString());
                assertEquals(20, verdict.getInt("missed"));
            }
        }
    }

    @Test
    @Order(3)
    void clientsRecoveringOnBothServersWhileMessagesKeepComingGetEachOnceInOrder() throws Exception {
        String room = "busy";
        new RoomOps(one.url()).ensureRoom(room);
        RecoveryRace.run(two.url(), List.of(one.url(), one.url(), two.url()), room);
    }

    @Test
    @Order(4)
    void destroyingARoomDeletesItsHistoryInRedis() throws Exception {
        RoomOps rooms = new RoomOps(one.url());
        String room = rooms.newRoom("destroyed");
        String stream = "ithistory:room:{" + room + "}:history";
        String epoch = "ithistory:room:{" + room + "}:epoch";
        try (TestClient a = connectWithPositions(two.url())) {
            join(a, room);
            a.request("say", Map.of("room", room, "message", "kept"));
            awaitSaid(a, room, "kept");
            assertEquals(":2\r\n", redis.command("EXISTS " + stream + " " + epoch));
            assertEquals("ok", rooms.op("destroy", room, null, null).body());
            assertEquals(":0\r\n", redis.command("EXISTS " + stream + " " + epoch));
        }
    }

    /**
     * Redis busy for 1.5 s (a script spinning, as a slow command or a stalled primary would) answers a say's script
     * after the 1 s {@code huddle.redis.timeout}: the script still runs. Delivered here on the timeout and again
     * through the channel (or run twice by a re-send), members saw it twice; now once, with its position.
     */
    @Test
    @Order(5)
    void aSayWhoseScriptRedisAnswersAfterTheTimeoutReachesEveryMemberOnce() throws Exception {
        String room = new RoomOps(one.url()).newRoom("late");
        try (TestClient a = connectWithPositions(one.url()); TestClient b = TestClient.connect(one.url());
             TestClient c = connectWithPositions(two.url())) {
            join(a, room);
            join(b, room);
            join(c, room);
            Thread busy = redis.busyFor(Duration.ofMillis(1500));
            Thread.sleep(200);
            b.request("say", Map.of("room", room, "message", "late"));
            busy.join();
            JsonObject after = b.request("say", Map.of("room", room, "message", "after"));
            assertEquals("OK", after.getString("status"), after.toString());
            for (TestClient client : List.of(a, b, c)) {
                awaitSaid(client, room, "after");
                assertEquals(List.of("late", "after"), texts(said(client, room)));
            }
            assertTrue(awaitSaid(a, room, "late").containsKey("position"), "it went through Redis");
        }
    }

    @Test
    @Order(20)
    void aRedisThatRestartedEmptyStartsANewEpochAndRecoveryIsRefused() throws Exception {
        String room = new RoomOps(one.url()).newRoom("epoch");
        try (TestClient b = TestClient.connect(two.url())) {
            join(b, room);
            JsonObject lastSeen;
            try (TestClient a = connectWithPositions(one.url())) {
                join(a, room);
                b.request("say", Map.of("room", room, "message", "before"));
                lastSeen = awaitSaid(a, room, "before");
            }
            redis.stop();
            redis.start(); // empty: no persistence
            String marker = "after " + UUID.randomUUID();
            eventually(Duration.ofSeconds(30), () -> {
                JsonObject reply = b.request("say", Map.of("room", room, "message", marker));
                return reply.getString("status") + " " + b.count(v -> v instanceof JsonObject o
                        && marker.equals(o.getString("message", null)));
            }, answer -> assertTrue(answer.startsWith("OK") && !answer.endsWith(" 0"), "healed: " + answer));
            eventually(Duration.ofSeconds(30), () -> b.request("roomView", Map.of("room", room)),
                    view -> assertFalse(view.containsKey("error"), "the room is back in Redis: " + view));
            try (TestClient a = connectWithPositions(one.url())) {
                JsonObject verdict = rejoin(a, room, lastSeen);
                assertFalse(verdict.getBoolean("recovered"), verdict.toString());
                assertEquals("epoch changed", verdict.getString("reason"));
                assertNotEquals(lastSeen.getString("epoch"), verdict.getString("epoch"));
            }
        }
    }

    @Test
    @Order(21)
    void aClientWhoseNodeWasKilledRecoversOnTheOtherNode() throws Exception {
        String room = new RoomOps(two.url()).newRoom("killed");
        try (TestClient b = TestClient.connect(two.url())) {
            join(b, room);
            TestClient a = connectWithPositions(one.url());
            join(a, room);
            b.request("say", Map.of("room", room, "message", "before"));
            JsonObject lastSeen = awaitSaid(a, room, "before");
            one.kill();
            a.awaitClose(TestClient.WAIT);
            a.close();
            sayNumbered(b, room, "missed", 5);
            try (TestClient again = connectWithPositions(two.url())) {
                JsonObject verdict = rejoin(again, room, lastSeen);
                assertTrue(verdict.getBoolean("recovered"), verdict.toString());
                assertEquals(List.of("missed-1", "missed-2", "missed-3", "missed-4", "missed-5"),
                        texts(said(again, room)));
            }
        }
    }
}
