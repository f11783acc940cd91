package io.huddle.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The project's benchmark ({@code mvn -Pbenchmark verify}): starts WildFly with the settings of
 * {@code server-config/wildfly/}, deploys the WAR just built, drives fan-out and RPC load from this JVM and prints
 * a table. Numbers depend on the machine and on what else runs on it; the load generator shares the cores.
 *
 * <p>Arguments are {@code name=value}: {@code war}, {@code jbossHome}, {@code serverConfig} (the folder with
 * {@code huddle.cli} and {@code jvm.options}), {@code workDir}, {@code portOffset}, {@code clients} (fan-out,
 * 1000), {@code rpcClients} (100), {@code warmup} and {@code duration} (seconds per scenario, 5 and 15).
 */
public final class Benchmark {

    private Benchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            options.put(arg.substring(0, eq), arg.substring(eq + 1));
        }
        Path serverConfig = Path.of(options.get("serverConfig"));
        int clients = Integer.parseInt(options.getOrDefault("clients", "1000"));
        int rpcClients = Integer.parseInt(options.getOrDefault("rpcClients", "100"));
        int warmup = Integer.parseInt(options.getOrDefault("warmup", "5"));
        int duration = Integer.parseInt(options.getOrDefault("duration", "15"));

        List<Result> results = new ArrayList<>();
        ExecutorService callbacks = Executors.newFixedThreadPool(2);
        // two clients, two selector threads: one thread cannot read what the server writes to 1000 sockets
        HttpClient[] http = {HttpClient.newBuilder().executor(callbacks).build(),
                HttpClient.newBuilder().executor(callbacks).build()};
        try (WildFlyServer server = new WildFlyServer(Path.of(options.get("jbossHome")),
                Path.of(options.get("workDir")), Integer.parseInt(options.getOrDefault("portOffset", "1700")))) {
            System.out.println("starting WildFly with " + serverConfig.resolve("huddle.cli"));
            server.start(Path.of(options.get("war")), serverConfig.resolve("huddle.cli"),
                    jvmOptions(serverConfig.resolve("jvm.options")));
            ServerCpu cpu = new ServerCpu(server.pid());
            URI uri = server.primus();

            System.out.println("fan-out: connecting and joining " + clients + " clients");
            try (Fanout fanout = new Fanout(http, uri, clients, 300)) {
                results.add(new Result("connect, " + clients + " clients", fanout.connectsPerSecond(),
                        "connects/s", 0, 0, 0, ""));
                System.out.println("fan-out: 1 sender, max rate");
                results.add(cpu.measure(() -> fanout.run("fan-out, " + clients + " clients, max rate", 1, 8, 0,
                        warmup, duration, 5)));
                System.out.println("fan-out: 30 messages/s");
                results.add(cpu.measure(() -> fanout.run("fan-out, " + clients + " clients, 30 msg/s", 1, 0, 30,
                        warmup, duration, 5)));
            }
            System.out.println("rpc: " + rpcClients + " clients calling echo");
            results.add(cpu.measure(() -> new Rpc().run(http, uri, rpcClients, warmup, duration)));
        } finally {
            callbacks.shutdownNow();
        }
        System.out.println();
        System.out.printf(Locale.ROOT, "Huddle on WildFly, %d cores, Java %s%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        Result.print(results);
        System.exit(0); // the JDK websocket client keeps non-daemon threads
    }

    /** The options in {@code jvm.options}: one or more per line, {@code #} starts a comment. */
    private static List<String> jvmOptions(Path file) throws java.io.IOException {
        List<String> options = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            String text = line.replaceFirst("#.*", "").trim();
            if (!text.isEmpty()) {
                options.addAll(List.of(text.split("\\s+")));
            }
        }
        return options;
    }
}
