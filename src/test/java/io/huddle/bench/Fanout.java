package io.huddle.bench;

import jakarta.json.JsonObject;

import java.net.URI;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * Chat fan-out: {@code clients} connections join one room, {@code senders} of them {@code say}; every member (the
 * sender too) receives every message. Measures deliveries/s, send→receive latency in this JVM, and losses: messages
 * sent inside the measured window that some member never received.
 */
final class Fanout implements AutoCloseable {

    private static final String ROOM = "defaultRoom";
    private static final String JOIN_ID = "join";
    private static final int CONNECTS_IN_FLIGHT = 100;

    private final List<Member> members = new ArrayList<>();
    private final LongAdder deliveredInWindow = new LongAdder();
    private final LongAdder receivedOfWindow = new LongAdder();
    private final LongAdder sentInWindow = new LongAdder();
    private final AtomicInteger joined = new AtomicInteger();
    private volatile Histogram latency = new Histogram();
    private volatile long windowStart = Long.MAX_VALUE;
    private volatile long windowEnd = Long.MAX_VALUE;
    private volatile boolean sending;
    private double connectsPerSecond;

    /** One connection; a sender keeps up to {@code window} of its own messages in flight. */
    private final class Member {
        final int index;
        final AtomicInteger inFlight = new AtomicInteger();
        final AtomicInteger sequence = new AtomicInteger();
        volatile BenchSocket socket;
        volatile int window;

        Member(int index) {
            this.index = index;
        }

        void onFrame(JsonObject frame) {
            String context = frame.getString("context", "");
            if (context.equals("user")) {
                delivered(this, frame.getString("message", ""));
            } else if (context.equals("response") && JOIN_ID.equals(frame.getString("messageId", ""))
                    && "OK".equals(frame.getString("status", ""))) {
                joined.incrementAndGet();
            }
        }

        void say() {
            long now = System.nanoTime();
            if (now >= windowStart && now < windowEnd) {
                sentInWindow.increment();
            }
            int seq = sequence.incrementAndGet();
            String text = "b:" + index + ":" + seq + ":" + now + ":";
            text = text + "x".repeat(Math.max(0, 64 - text.length()));
            socket.send(Frames.say(ROOM, text, seq));
        }
    }

    /** Connects, then joins, {@code clients} members; fails if some cannot within {@code timeoutSeconds}. */
    Fanout(HttpClient[] http, URI uri, int clients, int timeoutSeconds) throws InterruptedException {
        Semaphore inFlight = new Semaphore(CONNECTS_IN_FLIGHT);
        CountDownLatch opened = new CountDownLatch(clients);
        long start = System.nanoTime();
        for (int i = 0; i < clients; i++) {
            Member member = new Member(i);
            members.add(member);
            inFlight.acquire();
            BenchSocket.open(http[i % http.length], uri, member::onFrame).whenComplete((socket, error) -> {
                inFlight.release();
                if (socket != null) {
                    member.socket = socket;
                    opened.countDown();
                }
            });
        }
        if (!opened.await(timeoutSeconds, TimeUnit.SECONDS)) {
            throw new IllegalStateException("only " + (clients - opened.getCount()) + " of " + clients + " connected");
        }
        connectsPerSecond = clients / ((System.nanoTime() - start) / 1e9);
        members.forEach(member -> member.socket.send(Frames.roomAdd(ROOM, JOIN_ID)));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        while (joined.get() < clients && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        if (joined.get() < clients) {
            throw new IllegalStateException("only " + joined.get() + " of " + clients + " joined " + ROOM);
        }
    }

    double connectsPerSecond() {
        return connectsPerSecond;
    }

    /**
     * Sends for {@code warmup + duration} seconds: as fast as a window of {@code window} messages per sender allows
     * when {@code rate} is 0, else {@code rate} messages/s in total; then waits up to {@code drain} seconds.
     */
    Result run(String name, int senders, int window, double rate, int warmup, int duration, int drain)
            throws InterruptedException {
        latency = new Histogram();
        deliveredInWindow.reset();
        receivedOfWindow.reset();
        sentInWindow.reset();
        long start = System.nanoTime();
        windowStart = start + TimeUnit.SECONDS.toNanos(warmup);
        windowEnd = windowStart + TimeUnit.SECONDS.toNanos(duration);
        sending = true;
        List<Member> speaking = members.subList(0, senders);
        speaking.forEach(sender -> sender.window = rate > 0 ? 0 : window);
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
        try {
            if (rate > 0) {
                long periodNanos = (long) (1e9 * senders / rate);
                for (Member sender : speaking) {
                    ticker.scheduleAtFixedRate(sender::say, 0, periodNanos, TimeUnit.NANOSECONDS);
                }
            } else {
                for (Member sender : speaking) {
                    for (int i = 0; i < window; i++) {
                        sender.inFlight.incrementAndGet();
                        sender.say();
                    }
                }
            }
            Thread.sleep(TimeUnit.NANOSECONDS.toMillis(windowEnd - System.nanoTime()));
        } finally {
            sending = false;
            ticker.shutdownNow();
        }
        long expected = sentInWindow.sum() * members.size();
        long drainEnd = System.nanoTime() + TimeUnit.SECONDS.toNanos(drain);
        while (receivedOfWindow.sum() < expected && System.nanoTime() < drainEnd) {
            Thread.sleep(20);
        }
        speaking.forEach(sender -> sender.inFlight.set(0));
        long lost = Math.max(0, expected - receivedOfWindow.sum());
        return new Result(name, deliveredInWindow.sum() / (double) duration, "deliveries/s",
                latency.percentileMillis(0.5), latency.percentileMillis(0.99), lost, "lost");
    }

    private void delivered(Member receiver, String text) {
        long now = System.nanoTime();
        String[] parts = text.split(":", 5);
        if (parts.length < 4 || !parts[0].equals("b")) {
            return;
        }
        long sentAt = Long.parseLong(parts[3]);
        if (now >= windowStart && now < windowEnd) {
            deliveredInWindow.increment();
        }
        if (sentAt >= windowStart && sentAt < windowEnd) {
            receivedOfWindow.increment();
            latency.record(now - sentAt);
        }
        if (receiver.window > 0 && Integer.parseInt(parts[1]) == receiver.index
                && receiver.inFlight.decrementAndGet() < receiver.window && sending) {
            receiver.inFlight.incrementAndGet();
            receiver.say();
        }
    }

    @Override
    public void close() {
        members.stream().map(m -> m.socket).filter(s -> s != null && s.isOpen()).forEach(BenchSocket::close);
    }
}
