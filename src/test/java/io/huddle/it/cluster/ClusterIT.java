package io.huddle.it.cluster;

import io.huddle.it.Deployments;
import io.huddle.it.RoomOps;
import io.huddle.it.ServerNode;
import io.huddle.it.TestClient;
import io.huddle.it.TestHttp;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.File;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.huddle.it.Eventually.eventually;
import static io.huddle.it.RoomOps.join;
import static io.huddle.it.RoomOps.members;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two nodes — WildFly and Payara Micro, each its own process — and a real Redis started by the test: everything a
 * single node does works across them, and the cluster survives a node crash, a Redis outage, a Redis restart that
 * lost everything, a node booting while Redis is down, and a clean shutdown. The fault tests run last, in order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

    private static final File WORK = new File("target/cluster-it");
    private static final Duration BOOT = Duration.ofSeconds(180);

    private static RedisProcess redis;
    private static ServerNode wildfly;
    private static ServerNode payara;
    private static File payaraWar;

    @BeforeAll
    static void startCluster() throws Exception {
        redis = new RedisProcess(WORK);
        redis.start();
        File wildflyWar = war("node-wildfly");
        payaraWar = war("node-payara");
        // clear of the Arquillian server's ports, and of another checkout's run with another offset
        int portOffset = Integer.getInteger("it.port.offset", 200) + 300;
        wildfly = ServerNode.wildfly("node-wildfly", wildflyWar, WORK, portOffset, Map.of());
        payara = ServerNode.payara("node-payara", payaraWar, WORK, RedisProcess.freePort(), Map.of());
        wildfly.start();
        payara.start();
        wildfly.awaitReady(BOOT);
        payara.awaitReady(BOOT);
        awaitClustered();
    }

    private static File war(String nodeId) {
        return war(WORK, nodeId, redis.address(), Map.of());
    }

    /**
     * A node's WAR, written under {@code work}: its id, the cluster's Redis settings (reached at
     * {@code redisAddress}), and {@code extra}. {@link RoomSweepSoak} runs the same nodes.
     */
    static File war(File work, String nodeId, String redisAddress, Map<String, String> extra) {
        File file = new File(work, nodeId + ".war");
        Map<String, String> settings = new HashMap<>(Map.of(
                "huddle.general.id", nodeId,
                "huddle.redis.address", redisAddress,
                "huddle.redis.prefix", "ittest",
                "huddle.redis.timeout", "1000"));
        settings.putAll(extra);
        Deployments.huddle(settings).as(ZipExporter.class).exportTo(file, true);
        return file;
    }

    /** A third WildFly node for one test, started and ready; the test kills it when done. */
    private static ServerNode thirdNode(String nodeId, String redisAddress, Map<String, String> extra)
            throws Exception {
        ServerNode node = ServerNode.wildfly(nodeId, war(WORK, nodeId, redisAddress, extra), WORK,
                Integer.getInteger("it.port.offset", 200) + 350, Map.of());
        node.start();
        return node;
    }

    /** Both nodes have beaten at least once: each sees the other's connections. */
    private static void awaitClustered() throws Exception {
        eventually(Duration.ofSeconds(30), () -> redis.command("SMEMBERS ittest:nodes"), nodes -> assertTrue(
                nodes.contains("node-wildfly") && nodes.contains("node-payara"), "nodes registered in Redis: " + nodes));
    }

    @AfterAll
    static void stopCluster() throws Exception {
        if (wildfly != null) {
            wildfly.kill();
        }
        if (payara != null) {
            payara.kill();
        }
        if (redis != null) {
            redis.stop();
        }
    }

    // ---- everything a single node does, across nodes

    @Test
    @Order(1)
    void aSayOnOneNodeReachesMembersOnTheOther() throws Exception {
        String room = newRoom(wildfly);
        try (TestClient a = TestClient.connect(wildfly.url()); TestClient b = TestClient.connect(payara.url())) {
            join(a, room);
            join(b, room);
            String bId = b.id();
            b.request("say", Map.of("room", room, "message", "from payara"));
            JsonObject chat = a.awaitContext("user", m -> m.getString("message").equals("from payara"));
            assertEquals(bId, chat.getString("from"));
            a.request("say", Map.of("room", room, "message", "from wildfly"));
            b.awaitContext("user", m -> m.getString("message").equals("from wildfly"));
        }
    }

    @Test
    @Order(2)
    void roomViewListsMembersOfEveryNodeAndPresenceCrossesNodes() throws Exception {
        String room = newRoom(payara);
        try (TestClient a = TestClient.connect(wildfly.url()); TestClient b = TestClient.connect(payara.url())) {
            join(a, room);
            String bId = b.id();
            join(b, room);
            a.awaitContext("presence", p -> p.getString("event").equals("join")
                    && p.getJsonObject("member").getString("id").equals(bId));
            Set<String> seenFromA = a.request("roomView", Map.of("room", room)).getJsonObject("data")
                    .getJsonObject("members").keySet();
            assertEquals(Set.of(a.id(), bId), seenFromA);
            assertEquals(seenFromA, b.request("roomView", Map.of("room", room)).getJsonObject("data")
                    .getJsonObject("members").keySet());
        }
    }

    @Test
    @Order(3)
    void roomsCreatedOnAnyNodeAreSeenByAll() throws Exception {
        String room = newRoom(payara);
        assertTrue(roomOp(wildfly, "list", null, null, null).body().contains("\"" + room + "\""));
        assertEquals("room exists", roomOp(wildfly, "add", room, null, null).body());
    }

    @Test
    @Order(4)
    void roomManagerAddsAndRemovesAConnectionLivingOnAnotherNode() throws Exception {
        String room = newRoom(wildfly);
        try (TestClient b = TestClient.connect(payara.url())) {
            String bId = b.id();
            assertEquals("ok", roomOp(wildfly, "addMember", room, bId, null).body());
            assertEquals(Json.createArrayBuilder().add(room).build(), b.details().getJsonArray("rooms"));
            assertEquals("connection already in this room (" + room + ")",
                    roomOp(wildfly, "addMember", room, bId, null).body());
            assertEquals("ok", roomOp(wildfly, "removeMember", room, bId, null).body());
            assertEquals(0, b.details().getJsonArray("rooms").size());
            assertEquals("connection not found (nobody)", roomOp(wildfly, "addMember", room, "nobody", null).body());
        }
    }

    @Test
    @Order(5)
    void sendMessageReachesAConnectionOnAnotherNode() throws Exception {
        try (TestClient b = TestClient.connect(payara.url())) {
            String bId = b.id();
            HttpResponse<String> pushed = post(wildfly, "test/push", Map.of("to", bId, "text", "across", "count", "1"));
            assertEquals("1", pushed.body());
            b.awaitContext("api", m -> "across".equals(m.getString("text", null)));
            assertEquals("0", post(wildfly, "test/push", Map.of("to", "nobody", "text", "x", "count", "1")).body());
        }
    }

    @Test
    @Order(6)
    void destroyingARoomRemovesMembersOnEveryNode() throws Exception {
        String room = newRoom(wildfly);
        try (TestClient a = TestClient.connect(wildfly.url()); TestClient b = TestClient.connect(payara.url())) {
            join(a, room);
            join(b, room);
            assertEquals("ok", roomOp(wildfly, "destroy", room, null, null).body());
            for (TestClient client : List.of(a, b)) {
                client.awaitContext("user", m -> m.getString("room").equals(room)
                        && m.getString("message").equals("this room has been deleted"));
                awaitTrue(() -> client.details().getJsonArray("rooms").isEmpty(), "left " + room);
            }
        }
    }

    @Test
    @Order(7)
    void everyKeyAndChannelCarriesTheConfiguredPrefix() throws Exception {
        String keys = redis.command("KEYS *");
        assertTrue(keys.contains("ittest:rooms"), keys);
        for (String line : keys.split("\r\n")) {
            if (!line.startsWith("*") && !line.startsWith("$")) {
                assertTrue(line.startsWith("ittest:"), "unprefixed key " + line);
            }
        }
    }

    @Test
    @Order(8)
    void oneUserWithConnectionsOnBothNodesIsOneMemberOfAPerUserRoom() throws Exception {
        String room = "byUser";
        HttpResponse<String> created = roomOp(wildfly, "add", room, null, null);
        assertTrue(created.statusCode() == 200 || created.body().equals("room exists"), created.body());
        // issued by one node, genuine at the other: the nodes agreed on the fingerprint secret through Redis
        String fingerprint = TestHttp.fingerprint(wildfly.url());
        try (TestClient watcher = TestClient.connect(wildfly.url());
             TestClient tabOnWildfly = TestClient.connect(wildfly.url(), "sessionID=" + fingerprint, Map.of());
             TestClient tabOnPayara = TestClient.connect(payara.url(), "sessionID=" + fingerprint, Map.of())) {
            join(watcher, room);
            join(tabOnWildfly, room);
            join(tabOnPayara, room);
            JsonObject joined = watcher.awaitContext("presence", p -> p.getString("event").equals("join"));
            String user = joined.getJsonObject("member").getString("user");
            JsonObject entry = watcher.request("roomView", Map.of("room", room)).getJsonObject("data")
                    .getJsonObject("members").getJsonObject(user);
            assertEquals(2, entry.getJsonArray("connections").size(), entry.toString());
            tabOnPayara.request("roomLeave", Map.of("room", room));
            tabOnWildfly.request("say", Map.of("room", room, "message", "still here"));
            watcher.awaitContext("user", m -> m.getString("message").equals("still here"));
            assertEquals(1, watcher.count(v -> v instanceof JsonObject o && "presence".equals(o.getString("context", null))
                    && "join".equals(o.getString("event"))));
            assertEquals(0, watcher.count(v -> v instanceof JsonObject o && "presence".equals(o.getString("context", null))
                    && "leave".equals(o.getString("event"))));
            tabOnWildfly.request("roomLeave", Map.of("room", room));
            watcher.awaitContext("presence", p -> p.getString("event").equals("leave")
                    && p.getJsonObject("member").getString("user").equals(user));
        }
    }

    @Test
    @Order(9)
    void aMemberListBuiltFromPresenceAgreesWithRoomViewWhileJoinsRaceOnBothNodes() throws Exception {
        String room = newRoom(wildfly);
        try (TestClient observer = TestClient.connect(payara.url())) {
            join(observer, room);
            List<TestClient> stayers = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
            List<java.util.concurrent.Future<?>> work = new java.util.ArrayList<>();
            for (int i = 0; i < 20; i++) {
                ServerNode node = i % 2 == 0 ? wildfly : payara;
                int n = i;
                work.add(pool.submit(() -> {
                    TestClient client = TestClient.connect(node.url());
                    join(client, room);
                    if (n % 4 == 0) {
                        client.close();
                    } else {
                        stayers.add(client);
                    }
                    return null;
                }));
            }
            for (var f : work) {
                f.get();
            }
            pool.shutdown();
            awaitTrue(() -> presenceList(observer, room).equals(members(observer, room)),
                    "presence list equals roomView");
            assertEquals(1 + 15, members(observer, room).size());
            stayers.forEach(TestClient::close);
        }
    }

    @Test
    @Order(10)
    void aSayInEachOfAThousandRoomsReachesTheOtherNodesMemberInEveryRoom() throws Exception {
        try (RoomSweep sweep = RoomSweep.create(wildfly.url(), payara.url(), 1000)) {
            Set<String> deafOnPayara = sweep.deafRooms(true, "to payara in ", Duration.ofSeconds(30));
            assertEquals(Set.of(), deafOnPayara, "rooms whose member on payara missed a say from wildfly: "
                    + whatRedisHolds(deafOnPayara));
            Set<String> deafOnWildfly = sweep.deafRooms(false, "to wildfly in ", Duration.ofSeconds(30));
            assertEquals(Set.of(), deafOnWildfly, "rooms whose member on wildfly missed a say from payara: "
                    + whatRedisHolds(deafOnWildfly));
            for (ServerNode node : List.of(wildfly, payara)) {
                JsonObject pubSub = node.status().getJsonObject("pubSub");
                assertTrue(pubSub.getInt("subscribed") >= 1000, node.url() + ": " + pubSub);
                assertEquals(0, pubSub.getInt("pending"), node.url() + ": " + pubSub);
                assertEquals(0, pubSub.getJsonNumber("retried").longValue(), node.url() + ": every subscription took at once");
                assertEquals(0, pubSub.getJsonNumber("refused").longValue(), node.url() + ": " + pubSub);
            }
        }
    }

    /** For a failure message: what Redis holds of each room's delivery ({@link RedisProcess#roomDelivery}). */
    private static String whatRedisHolds(Set<String> rooms) throws Exception {
        StringBuilder held = new StringBuilder();
        for (String room : rooms) {
            held.append(room).append(": ").append(redis.roomDelivery("ittest", room)).append("; ");
        }
        return held.toString();
    }

    @Test
    @Order(11)
    void aNodeAtItsRoomLimitRefusesAJoinWithAClearErrorAndServesItsRooms() throws Exception {
        ServerNode small = thirdNode("node-small", redis.address(), Map.of(
                "huddle.redis.maxRoomsPerNode", "3",
                "huddle.general.startingChatRooms", ""));
        try {
            small.awaitReady(BOOT);
            List<String> rooms = List.of(newRoom(wildfly), newRoom(wildfly), newRoom(wildfly), newRoom(wildfly));
            try (TestClient onSmall = TestClient.connect(small.url());
                 TestClient onWildfly = TestClient.connect(wildfly.url())) {
                for (String room : rooms.subList(0, 3)) {
                    join(onSmall, room);
                    join(onWildfly, room);
                }
                JsonObject refused = onSmall.request("roomAdd", Map.of("room", rooms.get(3)));
                assertEquals("Error: this server is at its limit of 3 rooms; try again later",
                        refused.getString("error"), refused.toString());
                assertEquals(0, onSmall.details().getJsonArray("rooms").stream()
                        .filter(r -> r.toString().contains(rooms.get(3))).count(), "not in the refused room");
                String stored = roomOp(wildfly, "status", rooms.get(3), null, null).body();
                assertFalse(stored.contains(onSmall.id()), "no member left behind in Redis: " + stored);
                onWildfly.request("say", Map.of("room", rooms.get(2), "message", "still served"));
                onSmall.awaitContext("user", m -> m.getString("message").equals("still served"));
                assertEquals(1, small.status().getJsonObject("pubSub").getJsonNumber("refused").longValue());
                onSmall.request("roomLeave", Map.of("room", rooms.get(0)));
                join(onSmall, rooms.get(3));
                join(onWildfly, rooms.get(3));
                onWildfly.request("say", Map.of("room", rooms.get(3), "message", "room freed"));
                onSmall.awaitContext("user", m -> m.getString("message").equals("room freed"));
            }
        } finally {
            small.kill();
        }
    }

    /**
     * Redis forgets a node's subscriptions while its connections stay up and every command (PING included) works, as
     * after a failover that moved a channel or a server-side bug: nothing fails, the node just stops hearing. Its
     * pub/sub probe must notice within three heartbeats and subscribe everything again, rooms and the node's own
     * command channel alike.
     */
    @Test
    @Order(12)
    void aNodeWhosePubSubWentQuietWhileCommandsWorkSubscribesAgainOnItsOwn() throws Exception {
        try (DeafPubSubProxy proxy = new DeafPubSubProxy(redis.port())) {
            ServerNode deaf = thirdNode("node-deaf", proxy.address(), Map.of());
            try {
                deaf.awaitReady(BOOT);
                List<String> rooms = List.of(newRoom(wildfly), newRoom(wildfly), newRoom(wildfly), newRoom(wildfly));
                try (TestClient onDeaf = TestClient.connect(deaf.url());
                     TestClient onWildfly = TestClient.connect(wildfly.url())) {
                    for (String room : rooms) {
                        join(onDeaf, room);
                        join(onWildfly, room);
                    }
                    onWildfly.request("say", Map.of("room", rooms.get(0), "message", "before"));
                    onDeaf.awaitContext("user", m -> m.getString("message").equals("before"));

                    long forgotAt = System.nanoTime();
                    proxy.forgetSubscriptions();
                    assertFalse(proxy.deafChannels().isEmpty());
                    onWildfly.request("say", Map.of("room", rooms.get(0), "message", "lost"));
                    Thread.sleep(1_500);
                    assertEquals(0, onDeaf.count(m -> m.toString().contains("\"lost\"")),
                            "the fault is real: a say right after it does not arrive");
                    assertTrue(deaf.status().getJsonObject("pubSub").getJsonNumber("resubscribedAll").longValue() == 0);

                    // three heartbeats of nodeTimeout/3 (10 s / 3) plus the resubscription: well inside 30 s
                    eventually(Duration.ofSeconds(30),
                            () -> assertEquals(Set.of(), proxy.deafChannels(), "channels never subscribed again"));
                    System.out.printf("pub/sub quiet: every channel subscribed again %.1f s after Redis forgot them,"
                            + " %d messages lost%n", (System.nanoTime() - forgotAt) / 1e9, proxy.dropped());
                    JsonObject pubSub = deaf.status().getJsonObject("pubSub");
                    assertEquals(1, pubSub.getJsonNumber("resubscribedAll").longValue(), pubSub.toString());

                    for (String room : rooms) {
                        onWildfly.request("say", Map.of("room", room, "message", "heard again in " + room));
                        onDeaf.awaitContext("user", m -> m.getString("message").equals("heard again in " + room));
                        onDeaf.request("say", Map.of("room", room, "message", "and back from " + room));
                        onWildfly.awaitContext("user", m -> m.getString("message").equals("and back from " + room));
                    }
                    HttpResponse<String> pushed = post(wildfly, "test/push",
                            Map.of("to", onDeaf.id(), "text", "command channel heard again", "count", "1"));
                    assertEquals("1", pushed.body());
                    onDeaf.awaitContext("api", m -> "command channel heard again".equals(m.getString("text", null)));
                    assertTrue(Files.readString(new File(WORK, "node-deaf.log").toPath())
                            .contains("pub/sub went quiet"), "a WARNING in the node's log");
                }
            } finally {
                deaf.kill();
            }
        }
    }

    private static Set<String> presenceList(TestClient client, String room) {
        Set<String> members = new java.util.HashSet<>();
        for (var frame : client.frames()) {
            if (!(frame instanceof JsonObject o) || !"presence".equals(o.getString("context", null))
                    || !room.equals(o.getString("room"))) {
                continue;
            }
            switch (o.getString("event")) {
                case "snapshot" -> {
                    members.clear();
                    members.addAll(o.getJsonObject("members").keySet());
                }
                case "join" -> members.add(o.getJsonObject("member").getString("id"));
                case "leave" -> members.remove(o.getJsonObject("member").getString("id"));
                default -> { }
            }
        }
        return members;
    }

    // ---- faults

    @Test
    @Order(20)
    void whenRedisGoesAwayLocalChatGoesOnAndWhenItComesBackEmptyTheClusterHeals() throws Exception {
        String room = newRoom(wildfly);
        try (TestClient a = TestClient.connect(wildfly.url()); TestClient a2 = TestClient.connect(wildfly.url());
             TestClient b = TestClient.connect(payara.url())) {
            join(a, room);
            join(a2, room);
            join(b, room);
            String aId = a.id();
            String bId = b.id();

            redis.stop();
            long started = System.currentTimeMillis();
            JsonObject refused = a.request("roomView", Map.of("room", room));
            assertTrue(refused.getString("error").startsWith("Error: cluster unavailable"), refused.toString());
            assertTrue(System.currentTimeMillis() - started < 8000, "a Redis call must fail, not hang");
            // after the node saw Redis gone: a say written in the instant Redis died has an unknown outcome and is
            // delivered by the channel or by nobody, never twice (README, "unanswered")
            a.request("say", Map.of("room", room, "message", "local while redis is down"));
            a2.awaitContext("user", m -> m.getString("message").equals("local while redis is down"));
            assertEquals("OK", b.request("detailsView").getString("status"));

            redis.start(); // empty: no persistence
            awaitTrue(() -> {
                JsonObject view = a.request("roomView", Map.of("room", room));
                return view.containsKey("data")
                        && view.getJsonObject("data").getJsonObject("members").keySet().equals(Set.of(aId, a2.id(), bId));
            }, "roomView healed after the Redis restart");
            awaitTrue(() -> {
                b.request("say", Map.of("room", room, "message", "healed " + UUID.randomUUID()));
                return a.count(v -> v instanceof JsonObject o && "user".equals(o.getString("context", null))
                        && o.getString("message").startsWith("healed")) > 0;
            }, "cross-node say after the Redis restart");
            assertFalse(a.isClosed() || b.isClosed(), "the same client connections");
        }
    }

    @Test
    @Order(21)
    void aKilledNodesMembersDisappearFromEveryRoomWithin15Seconds() throws Exception {
        String room = newRoom(wildfly);
        try (TestClient a = TestClient.connect(wildfly.url()); TestClient b = TestClient.connect(payara.url())) {
            join(a, room);
            join(b, room);
            String bId = b.id();
            a.awaitContext("presence", p -> p.getString("event").equals("join")
                    && p.getJsonObject("member").getString("id").equals(bId));
            long killedAt = System.currentTimeMillis();
            payara.kill();
            awaitTrue(() -> !members(a, room).contains(bId), "the dead node's member removed");
            long took = System.currentTimeMillis() - killedAt;
            assertTrue(took <= 15_000, "took " + took + " ms");
            a.awaitContext("presence", p -> p.getString("event").equals("leave")
                    && p.getJsonObject("member").getString("id").equals(bId));
        }
    }

    @Test
    @Order(22)
    void aNodeBootingWhileRedisIsDownServesLocallyAndJoinsWhenRedisAppears() throws Exception {
        redis.stop();
        payara.start();
        payara.awaitReady(BOOT);
        try (TestClient b = TestClient.connect(payara.url())) {
            assertEquals("OK", b.request("detailsView").getString("status"));
            redis.start();
            awaitTrue(() -> "OK".equals(b.request("roomAdd", Map.of("room", "defaultRoom")).getString("status")),
                    "defaultRoom recreated once Redis appeared");
            try (TestClient a = TestClient.connect(wildfly.url())) {
                awaitTrue(() -> "OK".equals(a.request("roomAdd", Map.of("room", "defaultRoom")).getString("status"))
                        || members(a, "defaultRoom").contains(a.id()), "wildfly back in the cluster");
                String bId = b.id();
                awaitTrue(() -> members(a, "defaultRoom").contains(bId), "the late node's member is visible");
                // at most once: a say published while a node's subscription is still being restored is lost, so
                // chat must resume, not every message get through
                awaitTrue(() -> {
                    b.request("say", Map.of("room", "defaultRoom", "message", "late node says hi"));
                    return a.count(v -> v instanceof JsonObject o && "user".equals(o.getString("context", null))
                            && "late node says hi".equals(o.getString("message"))) > 0;
                }, "cross-node say from the late node");
            }
        }
    }

    @Test
    @Order(23)
    void aCleanShutdownRemovesTheNodesMembersAtOnce() throws Exception {
        String room = newRoom(wildfly);
        try (TestClient a = TestClient.connect(wildfly.url())) {
            join(a, room);
            String bId;
            TestClient b = TestClient.connect(payara.url());
            join(b, room);
            bId = b.id();
            awaitTrue(() -> members(a, room).contains(bId), "member on payara visible");
            payara.stop();
            long stoppedAt = System.currentTimeMillis();
            awaitTrue(() -> !members(a, room).contains(bId), "the stopped node's member removed");
            assertTrue(System.currentTimeMillis() - stoppedAt < 5000, "removed at shutdown, not by the crash timeout");
            b.close();
        }
    }

    // ---- helpers

    private String newRoom(ServerNode node) throws Exception {
        return new RoomOps(node.url()).newRoom("cluster");
    }

    private HttpResponse<String> roomOp(ServerNode node, String op, String room, String connection, String text)
            throws Exception {
        return new RoomOps(node.url()).op(op, room, connection, text);
    }

    private HttpResponse<String> post(ServerNode node, String path, Map<String, String> fields) throws Exception {
        return new RoomOps(node.url()).post(path, fields);
    }

    interface Check {
        boolean holds() throws Exception;
    }

    private static void awaitTrue(Check check, String what) {
        eventually(Duration.ofSeconds(30), () -> assertTrue(check.holds(), "never true: " + what));
    }
}
