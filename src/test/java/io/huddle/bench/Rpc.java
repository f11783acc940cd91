package io.huddle.bench;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;

import java.net.URI;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Closed-loop RPC: each of {@code clients} connections calls the {@code echo} action, and calls again as soon as
 * the reply arrives. Measures requests/s, latency, and replies that carried an error.
 */
final class Rpc {

    private static final String PAYLOAD = "hello";

    private final LongAdder replies = new LongAdder();
    private final LongAdder errors = new LongAdder();
    private final Histogram latency = new Histogram();
    private volatile long windowStart = Long.MAX_VALUE;
    private volatile long windowEnd = Long.MAX_VALUE;
    private volatile boolean calling = true;

    /** One connection with one call in flight. */
    private final class Caller {
        final AtomicLong nextId = new AtomicLong(1);
        volatile long sentAt;
        volatile BenchSocket socket;

        void call() {
            sentAt = System.nanoTime();
            socket.send(Frames.action("echo", PAYLOAD, nextId.getAndIncrement()));
        }

        void onFrame(JsonObject frame) {
            if (!"response".equals(frame.getString("context", "")) || !(frame.get("messageId") instanceof JsonNumber)) {
                return;
            }
            long now = System.nanoTime();
            if (now >= windowStart && now < windowEnd) {
                replies.increment();
                latency.record(now - sentAt);
                if (frame.containsKey("error") || !PAYLOAD.equals(frame.getString("payload", ""))) {
                    errors.increment();
                }
            }
            if (calling) {
                call();
            }
        }
    }

    Result run(HttpClient[] http, URI uri, int clients, int warmup, int duration) throws InterruptedException {
        List<Caller> callers = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            Caller caller = new Caller();
            caller.socket = BenchSocket.open(http[i % http.length], uri, caller::onFrame)
                    .orTimeout(30, TimeUnit.SECONDS).join();
            callers.add(caller);
        }
        long start = System.nanoTime();
        windowStart = start + TimeUnit.SECONDS.toNanos(warmup);
        windowEnd = windowStart + TimeUnit.SECONDS.toNanos(duration);
        callers.forEach(Caller::call);
        Thread.sleep(TimeUnit.NANOSECONDS.toMillis(windowEnd - System.nanoTime()) + 500);
        calling = false;
        callers.forEach(caller -> caller.socket.close());
        return new Result("rpc, " + clients + " clients, echo", replies.sum() / (double) duration, "requests/s",
                latency.percentileMillis(0.5), latency.percentileMillis(0.99), errors.sum(), "errors");
    }
}
