package io.huddle.bench;

import io.huddle.it.TestClient;
import jakarta.json.JsonObject;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How joins behave as a node's rooms grow (issue 13's benchmark), against running nodes: creates {@code rooms}
 * rooms with {@code createChatRoom}, then joins one member to each on every node given, one join at a time, and
 * prints join latency p50/p99 per step of room count (100, 1,000, 10,000, …) and the nodes' {@code pubSub} status.
 * A client holds at most {@code perClient} rooms (the node's {@code huddle.chat.maxRoomsPerConnection}).
 *
 * <p>Arguments {@code name=value}: {@code urls} (comma-separated node base URLs), {@code rooms}, {@code perClient}.
 * Heap and Redis figures are read around it with {@code jcmd} and {@code redis-cli}; see the README.
 */
public final class RoomScale {

    private RoomScale() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new java.util.HashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            options.put(arg.substring(0, eq), arg.substring(eq + 1));
        }
        List<URL> nodes = new ArrayList<>();
        for (String url : options.getOrDefault("urls", "http://127.0.0.1:8080/").split(",")) {
            nodes.add(URI.create(url).toURL());
        }
        int rooms = Integer.parseInt(options.getOrDefault("rooms", "10000"));
        int perClient = Integer.parseInt(options.getOrDefault("perClient", "100"));
        String run = Long.toString(System.currentTimeMillis(), 36);
        HttpClient http = HttpClient.newHttpClient();

        long created = System.nanoTime();
        for (int i = 0; i < rooms; i++) {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(nodes.get(0).toURI()
                    .resolve("api/createChatRoom?name=scale-" + run + "-" + i)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (!answer.body().contains("\"didCreate\":true")) {
                throw new IllegalStateException("createChatRoom failed: " + answer.body());
            }
        }
        System.out.printf(Locale.ROOT, "created %d rooms in %.1f s%n", rooms, (System.nanoTime() - created) / 1e9);

        for (URL node : nodes) {
            System.out.println("joining one member per room on " + node);
            List<TestClient> clients = new ArrayList<>();
            long[] latencies = new long[rooms];
            long started = System.nanoTime();
            for (int i = 0; i < rooms; i++) {
                if (i % perClient == 0) {
                    clients.add(TestClient.connect(node));
                }
                long t0 = System.nanoTime();
                JsonObject reply = clients.get(clients.size() - 1).request("roomAdd",
                        Map.of("room", "scale-" + run + "-" + i));
                latencies[i] = System.nanoTime() - t0;
                if (!"OK".equals(reply.getString("status"))) {
                    throw new IllegalStateException("join " + i + " failed: " + reply);
                }
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf(Locale.ROOT, "  %d joins in %.1f s (%.0f joins/s, one at a time)%n", rooms, seconds,
                    rooms / seconds);
            System.out.println("  rooms on the node   join p50 ms   join p99 ms   join max ms");
            for (int from = 0, to = Math.min(rooms, 100); from < rooms; from = to, to = Math.min(rooms, to * 10)) {
                long[] step = Arrays.copyOfRange(latencies, from, to);
                Arrays.sort(step);
                System.out.printf(Locale.ROOT, "  %6d - %-6d      %8.2f      %8.2f      %8.2f%n", from + 1, to,
                        step[step.length / 2] / 1e6, step[(int) (step.length * 0.99)] / 1e6,
                        step[step.length - 1] / 1e6);
            }
            HttpResponse<String> status = http.send(HttpRequest.newBuilder(node.toURI().resolve("api/status"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            String body = status.body();
            int at = body.indexOf("\"pubSub\"");
            System.out.println("  status pubSub: " + (at < 0 ? body : body.substring(at, body.indexOf('}', at) + 1)));
            // clients stay open: the rooms keep their members while heap and Redis are measured
        }
        System.out.println("members in place; measure now, then press Enter to disconnect");
        System.in.read();
        System.exit(0);
    }
}
