package io.huddle.it.cluster;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A real {@code redis-server} the test starts on a free port, without persistence (a restart comes back empty),
 * and stops. Tests never touch a Redis they did not start.
 */
public final class RedisProcess implements AutoCloseable {

    private final int port;
    private final File log;
    private Process process;

    public RedisProcess(File workDir) throws IOException {
        this.port = freePort();
        this.log = new File(workDir, "redis-" + port + ".log");
        workDir.mkdirs();
    }

    int port() {
        return port;
    }

    public String address() {
        return "redis://127.0.0.1:" + port;
    }

    public void start() throws IOException, InterruptedException {
        process = new ProcessBuilder("redis-server", "--port", Integer.toString(port), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log)).start();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            if (ping()) {
                return;
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("redis-server did not start on port " + port + "; see " + log);
    }

    void stop() throws InterruptedException {
        if (process != null) {
            process.destroyForcibly();
            process.waitFor();
            process = null;
        }
    }

    /**
     * For a failure message: how many connections Redis has subscribed to a room's channel and how many messages the
     * room's stream holds (keys under {@code prefix}), which tells a say lost before Redis from one lost after it.
     */
    String roomDelivery(String prefix, String room) throws IOException {
        return "subscribers " + command("PUBSUB NUMSUB " + prefix + ":room:{" + room + "}:channel").replace("\r\n", " ")
                + ", stream length " + command("XLEN " + prefix + ":room:{" + room + "}:history").trim();
    }

    /**
     * Keeps Redis busy for {@code busy} (under the 2 s a {@link #command} waits) with a script that spins, as a slow
     * command or a stalled primary would; returns the thread that runs it, already started.
     */
    public Thread busyFor(Duration busy) {
        Thread thread = new Thread(() -> {
            try {
                command("EVAL \"local t = redis.call('TIME'); local from = t[1] * 1000000 + t[2];"
                        + " repeat t = redis.call('TIME') until t[1] * 1000000 + t[2] - from > "
                        + busy.toNanos() / 1000 + "\" 0");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, "busy redis");
        thread.start();
        return thread;
    }

    /** Sends one inline command (e.g. {@code KEYS *}) and returns the raw RESP answer. */
    public String command(String inline) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(2000);
            socket.getOutputStream().write((inline + "\r\n").getBytes(StandardCharsets.UTF_8));
            byte[] buffer = new byte[1 << 16];
            int read = socket.getInputStream().read(buffer);
            return read <= 0 ? "" : new String(buffer, 0, read, StandardCharsets.UTF_8);
        }
    }

    private boolean ping() {
        try {
            return command("PING").startsWith("+PONG");
        } catch (IOException e) {
            return false;
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
