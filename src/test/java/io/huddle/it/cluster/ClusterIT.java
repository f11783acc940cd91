package io.huddle.it.cluster;

import io.huddle.it.Deployments;
import io.huddle.it.TestClient;
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
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

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

    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void startCluster() throws Exception {
        redis = new RedisProcess(WORK);
        redis.start();
        File wildflyWar = war("node-wildfly");
        payaraWar = war("node-payara");
        wildfly = ServerNode.wildfly("node-wildfly", wildflyWar, WORK, 500, Map.of());
        payara = ServerNode.payara("node-payara", payaraWar, WORK, RedisProcess.freePort(), Map.of());
        wildfly.start();
        payara.start();
        wildfly.awaitReady(BOOT);
        payara.awaitReady(BOOT);
        awaitClustered();
    }

    private static File war(String nodeId) {
        File file = new File(WORK, nodeId + ".war");
        Deployments.huddle(Map.of(
                        "huddle.general.id", nodeId,
                        "huddle.redis.address", redis.address(),
                        "huddle.redis.prefix", "ittest",
                        "huddle.redis.timeout", "1000"))
                .as(ZipExporter.class).exportTo(file, true);
        return file;
    }

    /** Both nodes have beaten at least once: each sees the other's connections. */
    private static void awaitClustered() throws Exception {
        long deadline = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < deadline) {
            String nodes = redis.command("SMEMBERS ittest:nodes");
            if (nodes.contains("node-wildfly") && nodes.contains("node-payara")) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("nodes never registered in Redis");
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

    // ---- faults

    @Test
    @Order(10)
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
            a.request("say", Map.of("room", room, "message", "local while redis is down"));
            a2.awaitContext("user", m -> m.getString("message").equals("local while redis is down"));
            long started = System.currentTimeMillis();
            JsonObject refused = a.request("roomView", Map.of("room", room));
            assertTrue(refused.getString("error").startsWith("Error: cluster unavailable"), refused.toString());
            assertTrue(System.currentTimeMillis() - started < 8000, "a Redis call must fail, not hang");
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
    @Order(11)
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
    @Order(12)
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
                b.request("say", Map.of("room", "defaultRoom", "message", "late node says hi"));
                a.awaitContext("user", m -> m.getString("message").equals("late node says hi"));
            }
        }
    }

    @Test
    @Order(13)
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

    private static Set<String> members(TestClient client, String room) {
        JsonObject view = client.request("roomView", Map.of("room", room));
        return view.containsKey("data") ? view.getJsonObject("data").getJsonObject("members").keySet() : Set.of();
    }

    private static void join(TestClient client, String room) {
        JsonObject reply = client.request("roomAdd", Map.of("room", room));
        assertEquals("OK", reply.getString("status"), reply.toString());
    }

    private String newRoom(ServerNode node) throws Exception {
        String room = "cluster-" + UUID.randomUUID();
        assertEquals("ok", roomOp(node, "add", room, null, null).body());
        return room;
    }

    private HttpResponse<String> roomOp(ServerNode node, String op, String room, String connection, String text)
            throws Exception {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("op", op);
        if (room != null) {
            fields.put("room", room);
        }
        if (connection != null) {
            fields.put("connection", connection);
        }
        if (text != null) {
            fields.put("text", text);
        }
        return post(node, "test/rooms", fields);
    }

    private HttpResponse<String> post(ServerNode node, String path, Map<String, String> fields) throws Exception {
        String form = fields.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return http.send(HttpRequest.newBuilder(new URL(node.url(), path).toURI())
                        .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                        .POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    interface Check {
        boolean holds() throws Exception;
    }

    private static void awaitTrue(Check check, String what) throws Exception {
        long deadline = System.currentTimeMillis() + 30_000;
        Throwable last = null;
        while (System.currentTimeMillis() < deadline) {
            try {
                if (check.holds()) {
                    return;
                }
            } catch (Exception | AssertionError e) {
                last = e;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("never true: " + what + (last == null ? "" : " (last error: " + last + ")"));
    }
}
