package io.huddle.it.cluster;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP proxy in front of a real Redis that can make it forget subscriptions the way a failover or a bug does it
 * in production: the connection stays up, PING and every command keep working, but messages for the channels that
 * were subscribed stop arriving ({@link #forgetSubscriptions()}). A channel is heard again once the client
 * subscribes to it anew (Redis's {@code subscribe}/{@code ssubscribe} confirmation passes through), which is what a
 * node's self-check must get to on its own. Redis's replies are parsed as RESP frames; everything else is copied.
 */
final class DeafPubSubProxy implements AutoCloseable {

    private final int redisPort;
    private final ServerSocket server;
    private final Set<String> subscribed = ConcurrentHashMap.newKeySet();
    private final Set<String> forgotten = ConcurrentHashMap.newKeySet();
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private volatile long dropped;

    DeafPubSubProxy(int redisPort) throws IOException {
        this.redisPort = redisPort;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "deaf-pubsub-proxy");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Where a node connects instead of Redis. */
    String address() {
        return "redis://127.0.0.1:" + server.getLocalPort();
    }

    /** From now on, messages of every channel subscribed so far are dropped until it is subscribed again. */
    void forgetSubscriptions() {
        forgotten.addAll(subscribed);
    }

    /** Channels still deaf (forgotten and not subscribed since). */
    Set<String> deafChannels() {
        return Set.copyOf(forgotten);
    }

    /** Messages dropped so far. */
    long dropped() {
        return dropped;
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Socket redis = new Socket();
                redis.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), redisPort), 2_000);
                client.setTcpNoDelay(true);
                redis.setTcpNoDelay(true);
                sockets.add(client);
                sockets.add(redis);
                start("to-redis", () -> copy(client, redis));
                start("from-redis", () -> filter(redis, client));
            } catch (IOException e) {
                // closed, or Redis refused one connection: the client sees it closed and reconnects
            }
        }
    }

    private static void start(String name, Runnable pump) {
        Thread thread = new Thread(pump, "deaf-pubsub-proxy-" + name);
        thread.setDaemon(true);
        thread.start();
    }

    private void copy(Socket from, Socket to) {
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            in.transferTo(out);
        } catch (IOException e) {
            // one side closed
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    /** Forwards Redis's frames one by one, leaving out messages of forgotten channels. */
    private void filter(Socket redis, Socket client) {
        try (InputStream in = new BufferedInputStream(redis.getInputStream());
             OutputStream out = new BufferedOutputStream(client.getOutputStream())) {
            while (true) {
                Frame frame = readFrame(in);
                if (!deliver(frame)) {
                    dropped++;
                } else {
                    out.write(frame.bytes());
                }
                if (in.available() == 0) {
                    out.flush();
                }
            }
        } catch (IOException e) {
            // one side closed
        } finally {
            closeQuietly(redis);
            closeQuietly(client);
        }
    }

    private boolean deliver(Frame frame) {
        List<String> head = frame.head();
        if (head.size() < 2) {
            return true;
        }
        String kind = head.get(0).toLowerCase();
        String channel = head.get(1);
        switch (kind) {
            case "subscribe", "ssubscribe" -> {
                subscribed.add(channel);
                forgotten.remove(channel);
            }
            case "unsubscribe", "sunsubscribe" -> subscribed.remove(channel);
            case "message", "smessage" -> {
                return !forgotten.contains(channel);
            }
            default -> {
                // a reply to a command
            }
        }
        return true;
    }

    /** One RESP frame: its bytes as Redis sent them, and the first bulk strings of a top-level array. */
    private record Frame(byte[] bytes, List<String> head) { }

    private static Frame readFrame(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        List<String> head = new ArrayList<>();
        readValue(in, bytes, head, 0);
        return new Frame(bytes.toByteArray(), head);
    }

    /** Reads one RESP2/RESP3 value into {@code bytes}; bulk strings of the top-level aggregate go to {@code head}. */
    private static void readValue(InputStream in, ByteArrayOutputStream bytes, List<String> head, int depth)
            throws IOException {
        int type = in.read();
        if (type < 0) {
            throw new EOFException();
        }
        bytes.write(type);
        String line = readLine(in, bytes);
        switch (type) {
            case '$', '=', '!' -> {
                int length = Integer.parseInt(line);
                if (length >= 0) {
                    byte[] data = in.readNBytes(length + 2);
                    if (data.length < length + 2) {
                        throw new EOFException();
                    }
                    bytes.write(data);
                    if (depth == 1 && head.size() < 2) {
                        head.add(new String(data, 0, length, StandardCharsets.UTF_8));
                    }
                }
            }
            case '*', '>', '~' -> {
                for (int i = 0, n = Integer.parseInt(line); i < n; i++) {
                    readValue(in, bytes, head, depth + 1);
                }
            }
            case '%', '|' -> {
                for (int i = 0, n = Integer.parseInt(line) * 2; i < n; i++) {
                    readValue(in, bytes, head, depth + 1);
                }
            }
            default -> {
                // a one-line value: + - : _ , # (
            }
        }
    }

    private static String readLine(InputStream in, ByteArrayOutputStream bytes) throws IOException {
        StringBuilder line = new StringBuilder();
        int previous = -1;
        while (true) {
            int next = in.read();
            if (next < 0) {
                throw new EOFException();
            }
            bytes.write(next);
            if (previous == '\r' && next == '\n') {
                line.setLength(line.length() - 1);
                return line.toString();
            }
            line.append((char) next);
            previous = next;
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        sockets.forEach(DeafPubSubProxy::closeQuietly);
    }
}
