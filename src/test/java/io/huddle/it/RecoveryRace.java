package io.huddle.it;

import jakarta.json.JsonObject;

import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;

import static io.huddle.it.HistoryOps.awaitSaid;
import static io.huddle.it.HistoryOps.connectWithPositions;
import static io.huddle.it.HistoryOps.indexOf;
import static io.huddle.it.HistoryOps.rejoin;
import static io.huddle.it.HistoryOps.said;
import static io.huddle.it.HistoryOps.texts;
import static io.huddle.it.RoomOps.join;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Clients that recover a room while a sender keeps saying in it, without a pause: several at once, so their
 * recoveries overlap each other and the live messages. Each must end up with every message exactly once, in position
 * order, the missed ones before the verdict and the live ones after it, no gap.
 */
public final class RecoveryRace {

    /** Messages said before the clients go away, while they are away, and after they rejoined, at least. */
    private static final int EACH_PHASE = 30;

    private RecoveryRace() {
    }

    /**
     * Runs the race in {@code room} (its history must hold a few hundred messages): the sender on {@code senderNode},
     * one recovering client on each of {@code recovererNodes}.
     */
    public static void run(URL senderNode, List<URL> recovererNodes, String room) throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger saidSoFar = new AtomicInteger();
        AtomicReference<Throwable> senderFailed = new AtomicReference<>();
        List<TestClient> first = new ArrayList<>();
        List<TestClient> again = new ArrayList<>();
        List<List<JsonObject>> before = new ArrayList<>(); // what each saw before it went away, taken once
        try (TestClient sender = TestClient.connect(senderNode)) {
            join(sender, room);
            for (URL node : recovererNodes) {
                TestClient client = connectWithPositions(node);
                first.add(client);
                join(client, room);
            }
            Thread saying = new Thread(() -> {
                try {
                    while (!stop.get()) {
                        int next = saidSoFar.get() + 1;
                        JsonObject reply = sender.request("say", Map.of("room", room, "message", "n-" + next));
                        assertEquals("OK", reply.getString("status", null), reply.toString());
                        saidSoFar.set(next);
                    }
                } catch (Throwable e) {
                    senderFailed.set(e);
                }
            }, "sender");
            saying.start();
            try {
                for (TestClient client : first) {
                    awaitSaid(client, room, "n-" + EACH_PHASE);
                }
                first.forEach(TestClient::close);
                first.forEach(client -> before.add(said(client, room)));
                awaitSaidAtLeast(saidSoFar.get() + EACH_PHASE, saidSoFar, senderFailed);
                for (URL node : recovererNodes) {
                    again.add(connectWithPositions(node));
                }
                List<CompletableFuture<JsonObject>> verdicts = new ArrayList<>();
                for (int i = 0; i < again.size(); i++) {
                    TestClient client = again.get(i);
                    JsonObject lastSeen = lastOf(before.get(i));
                    verdicts.add(CompletableFuture.supplyAsync(() -> rejoin(client, room, lastSeen)));
                }
                for (CompletableFuture<JsonObject> verdict : verdicts) {
                    verdict.get(TestClient.WAIT.toSeconds(), TimeUnit.SECONDS);
                }
                awaitSaidAtLeast(saidSoFar.get() + EACH_PHASE, saidSoFar, senderFailed);
            } finally {
                stop.set(true);
                saying.join(TestClient.WAIT.toMillis());
            }
            if (senderFailed.get() != null) {
                throw new AssertionError("the sender failed", senderFailed.get());
            }
            int last = saidSoFar.get();
            List<String> everything = IntStream.rangeClosed(1, last).mapToObj(i -> "n-" + i).toList();
            for (int i = 0; i < again.size(); i++) {
                TestClient client = again.get(i);
                awaitSaid(client, room, "n-" + last);
                List<String> seen = new ArrayList<>(texts(before.get(i)));
                seen.addAll(texts(said(client, room)));
                assertEquals(everything, seen, "client " + i + " (on " + recovererNodes.get(i)
                        + "): every message once, in order, across its two connections");
                assertRecoveredThenLive(client, room);
            }
        } finally {
            first.forEach(TestClient::close);
            again.forEach(TestClient::close);
        }
    }

    /** Positions only grow; the verdict stands after the missed messages and before the live ones. */
    private static void assertRecoveredThenLive(TestClient client, String room) {
        JsonObject verdict = HistoryOps.verdict(client, room);
        assertTrue(verdict.getBoolean("recovered"), verdict.toString());
        List<JsonObject> messages = said(client, room);
        int missed = verdict.getInt("missed");
        assertTrue(missed > 0, "it missed messages: " + verdict);
        assertEquals(messages.get(missed - 1).getString("position"), verdict.getString("position"));
        assertTrue(indexOf(client, messages.get(missed - 1)) < indexOf(client, verdict)
                && indexOf(client, verdict) < indexOf(client, messages.get(missed)), "missed, verdict, live");
        for (int i = 1; i < messages.size(); i++) {
            assertTrue(precedes(messages.get(i - 1).getString("position"), messages.get(i).getString("position")),
                    "positions in order: " + messages.get(i - 1) + " then " + messages.get(i));
        }
    }

    private static boolean precedes(String a, String b) {
        String[] x = a.split("-");
        String[] y = b.split("-");
        int byMillis = Long.compare(Long.parseLong(x[0]), Long.parseLong(y[0]));
        return byMillis < 0 || byMillis == 0 && Long.parseLong(x[1]) < Long.parseLong(y[1]);
    }

    private static JsonObject lastOf(List<JsonObject> messages) {
        return messages.get(messages.size() - 1);
    }

    private static void awaitSaidAtLeast(int count, AtomicInteger saidSoFar, AtomicReference<Throwable> failed)
            throws InterruptedException {
        long deadline = System.nanoTime() + TestClient.WAIT.toNanos();
        while (saidSoFar.get() < count && failed.get() == null && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertTrue(saidSoFar.get() >= count, "the sender said " + saidSoFar.get() + " of " + count);
    }
}
