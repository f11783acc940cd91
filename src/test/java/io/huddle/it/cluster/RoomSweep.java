package io.huddle.it.cluster;

import io.huddle.it.RoomOps;
import io.huddle.it.TestClient;
import jakarta.json.JsonObject;

import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Many rooms, each with one member on node A and one on node B (a client joins at most
 * {@value #ROOMS_PER_CLIENT} rooms, the test deployments' {@code huddle.chat.maxRoomsPerConnection}), and the check a user
 * would make: a say in each room on one node reaches the room's member on the other.
 */
final class RoomSweep implements AutoCloseable {

    static final int ROOMS_PER_CLIENT = 20;

    private final List<String> rooms = new ArrayList<>();
    private final List<TestClient> onA = new ArrayList<>();
    private final List<TestClient> onB = new ArrayList<>();

    private RoomSweep() {
    }

    /** Creates {@code count} rooms (through node A) and joins a member on each node to every one. */
    static RoomSweep create(URL a, URL b, int count) throws Exception {
        RoomSweep sweep = new RoomSweep();
        RoomOps ops = new RoomOps(a);
        String run = UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < count; i++) {
            String room = "sweep-" + run + "-" + i;
            assertEquals("ok", ops.op("add", room, null, null).body());
            sweep.rooms.add(room);
        }
        for (int i = 0; i < count; i += ROOMS_PER_CLIENT) {
            sweep.onA.add(TestClient.connect(a));
            sweep.onB.add(TestClient.connect(b));
        }
        sweep.inParallel(client -> {
            for (String room : sweep.roomsOf(client)) {
                RoomOps.join(client, room);
            }
        });
        return sweep;
    }

    List<String> rooms() {
        return List.copyOf(rooms);
    }

    List<TestClient> clientsOnA() {
        return List.copyOf(onA);
    }

    List<TestClient> clientsOnB() {
        return List.copyOf(onB);
    }

    /**
     * Says {@code tag} plus the room's name in every room from node A's members (or B's, {@code fromA} false) and
     * returns the rooms whose member on the other node did not get it within {@code wait}; empty when all did.
     */
    Set<String> deafRooms(boolean fromA, String tag, Duration wait) throws Exception {
        List<TestClient> senders = fromA ? onA : onB;
        List<TestClient> receivers = fromA ? onB : onA;
        inParallel(client -> {
            if (senders.contains(client)) {
                for (String room : roomsOf(client)) {
                    JsonObject reply = client.request("say", java.util.Map.of("room", room, "message", tag + room));
                    assertEquals("OK", reply.getString("status"), reply.toString());
                }
            }
        });
        long deadline = System.nanoTime() + wait.toNanos();
        Set<String> deaf;
        do {
            deaf = new TreeSet<>();
            for (TestClient receiver : receivers) {
                for (String room : roomsOf(receiver)) {
                    String expected = tag + room;
                    if (receiver.count(v -> v instanceof JsonObject o && "user".equals(o.getString("context", null))
                            && expected.equals(o.getString("message", null))) == 0) {
                        deaf.add(room);
                    }
                }
            }
            if (!deaf.isEmpty()) {
                Thread.sleep(200);
            }
        } while (!deaf.isEmpty() && System.nanoTime() < deadline);
        return deaf;
    }

    /** The rooms a client of either node is in: the same slice of rooms for its index on both. */
    private List<String> roomsOf(TestClient client) {
        int index = onA.indexOf(client);
        if (index < 0) {
            index = onB.indexOf(client);
        }
        int from = index * ROOMS_PER_CLIENT;
        return rooms.subList(from, Math.min(rooms.size(), from + ROOMS_PER_CLIENT));
    }

    interface ClientWork {
        void run(TestClient client) throws Exception;
    }

    private void inParallel(ClientWork work) throws Exception {
        List<TestClient> all = new ArrayList<>(onA);
        all.addAll(onB);
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(16, all.size()));
        try {
            List<Future<?>> running = new ArrayList<>();
            for (TestClient client : all) {
                running.add(pool.submit(() -> {
                    work.run(client);
                    return null;
                }));
            }
            for (Future<?> future : running) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Override
    public void close() {
        onA.forEach(TestClient::close);
        onB.forEach(TestClient::close);
    }
}
