package io.huddle.it.cluster;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

/**
 * A real Redis Cluster the test starts: three primaries and a replica for each ({@code redis-server
 * --cluster-enabled yes}, joined by {@code redis-cli --cluster create}), without persistence, on free ports. A
 * primary can be killed; its replica takes over within about twice {@link #NODE_TIMEOUT_MILLIS}.
 */
final class RedisClusterProcess implements AutoCloseable {

    static final int NODES = 6;
    static final int NODE_TIMEOUT_MILLIS = 1000;

    private final File dir;
    private final int basePort;
    private final List<Process> processes = new ArrayList<>();

    RedisClusterProcess(File workDir) throws IOException {
        this.dir = new File(workDir, "redis-cluster");
        dir.mkdirs();
        this.basePort = freePortRange();
    }

    /** The Redisson YAML a node reads through {@code huddle.redis.configFile}. */
    File redissonYaml(long timeoutMillis) throws IOException {
        File yaml = new File(dir, "redisson-" + basePort + ".yaml");
        String addresses = ports().stream().map(p -> "    - \"redis://127.0.0.1:" + p + "\"")
                .collect(Collectors.joining("\n"));
        Files.writeString(yaml.toPath(), "clusterServersConfig:\n  nodeAddresses:\n" + addresses + "\n"
                + "  timeout: " + timeoutMillis + "\n  connectTimeout: " + timeoutMillis + "\n");
        return yaml;
    }

    List<Integer> ports() {
        List<Integer> ports = new ArrayList<>();
        for (int i = 0; i < NODES; i++) {
            ports.add(basePort + i);
        }
        return ports;
    }

    void start() throws IOException, InterruptedException {
        for (int port : ports()) {
            File nodeDir = new File(dir, Integer.toString(port));
            nodeDir.mkdirs();
            new File(nodeDir, "nodes.conf").delete();
            processes.add(new ProcessBuilder("redis-server", "--port", Integer.toString(port), "--bind", "127.0.0.1",
                    "--cluster-enabled", "yes", "--cluster-config-file", "nodes.conf",
                    "--cluster-node-timeout", Integer.toString(NODE_TIMEOUT_MILLIS), "--dir", nodeDir.getPath(),
                    "--save", "", "--appendonly", "no")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(
                            new File(dir, "redis-" + port + ".log"))).start());
        }
        for (int port : ports()) {
            awaitAnswer(port, "PING", "PONG");
        }
        List<String> create = new ArrayList<>(List.of("redis-cli", "--cluster", "create"));
        ports().forEach(p -> create.add("127.0.0.1:" + p));
        create.addAll(List.of("--cluster-replicas", "1", "--cluster-yes"));
        Process cli = new ProcessBuilder(create).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(new File(dir, "create.log"))).start();
        if (cli.waitFor() != 0) {
            throw new IllegalStateException("redis-cli --cluster create failed; see " + new File(dir, "create.log"));
        }
        for (int port : ports()) {
            awaitAnswer(port, "CLUSTER INFO", "cluster_state:ok");
        }
    }

    /** Ports of the current primaries, from the first node that answers. */
    List<Integer> primaries() throws IOException, InterruptedException {
        List<Integer> primaries = new ArrayList<>();
        for (String line : cli(anyLivePort(), "CLUSTER", "NODES").split("\n")) {
            String[] fields = line.split(" ");
            if (fields.length > 2 && fields[2].contains("master") && !fields[2].contains("fail")) {
                primaries.add(Integer.parseInt(fields[1].substring(fields[1].indexOf(':') + 1,
                        fields[1].indexOf('@'))));
            }
        }
        return primaries;
    }

    /** {@code kill -9} of one node. */
    void kill(int port) throws InterruptedException {
        Process process = processes.get(port - basePort);
        process.destroyForcibly();
        process.waitFor();
    }

    /** Waits until every slot is served again (the killed primary's replica took over). */
    void awaitHealthy(Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            String info = cli(anyLivePort(), "CLUSTER", "INFO");
            if (info.contains("cluster_state:ok") && primaries().size() == NODES / 2) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the Redis Cluster did not recover within " + timeout);
    }

    /** Runs redis-cli against a node with cluster redirects followed. */
    String cli(int port, String... command) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of("redis-cli", "-c", "-p", Integer.toString(port)));
        args.addAll(List.of(command));
        Process process = new ProcessBuilder(args).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor();
        return out;
    }

    private int anyLivePort() {
        for (int i = 0; i < processes.size(); i++) {
            if (processes.get(i).isAlive()) {
                return basePort + i;
            }
        }
        throw new IllegalStateException("no Redis node is running");
    }

    private void awaitAnswer(int port, String command, String expected) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        String last = "";
        while (System.nanoTime() < deadline) {
            last = cli(port, command.split(" "));
            if (last.contains(expected)) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("Redis on " + port + " never answered " + expected + " to " + command
                + " (last: " + last + ")");
    }

    /** Six consecutive free ports whose cluster bus ports (+10000) are free too. */
    private static int freePortRange() throws IOException {
        for (int attempt = 0; attempt < 100; attempt++) {
            int base = ThreadLocalRandom.current().nextInt(20000, 30000);
            if (allFree(base) && allFree(base + 10000)) {
                return base;
            }
        }
        throw new IOException("no free port range for a Redis Cluster");
    }

    private static boolean allFree(int from) {
        for (int port = from; port < from + NODES; port++) {
            try (ServerSocket socket = new ServerSocket(port)) {
                socket.setReuseAddress(true);
            } catch (IOException e) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void close() throws InterruptedException {
        for (Process process : processes) {
            process.destroyForcibly();
            process.waitFor();
        }
        processes.clear();
    }
}
