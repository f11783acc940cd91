package io.huddle.websocket;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How connections share the verb threads: no lane hogs a thread, holds unbounded work, or works for the gone. */
class LaneSharingTest {

    private final ExecutorService oneThread = Executors.newSingleThreadExecutor();

    @AfterEach
    void stop() {
        oneThread.shutdownNow();
    }

    @Test
    void aBusyLaneLetsAnotherLaneRunAfterABatch() throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        List<String> ran = new CopyOnWriteArrayList<>();
        Lane busy = new Lane(oneThread);
        Lane other = new Lane(oneThread);
        busy.offer(() -> await(gate), 10_000); // holds the only thread until both lanes have queued their work
        for (int i = 0; i < 500; i++) {
            int n = i;
            busy.offer(() -> ran.add("busy " + n), 10_000);
        }
        CountDownLatch done = new CountDownLatch(1);
        other.offer(() -> {
            ran.add("other");
            done.countDown();
        }, 10_000);
        gate.countDown();
        assertTrue(done.await(5, TimeUnit.SECONDS));
        int otherAt = ran.indexOf("other");
        assertTrue(otherAt <= Lane.BATCH, "the other lane ran after " + otherAt + " of the busy lane's tasks");
        assertEquals("busy " + (otherAt - 1), ran.get(otherAt - 1), "the busy lane's own order holds");
    }

    @Test
    void aLaneRefusesWorkPastItsLimitAndTakesMoreOnceItDrained() throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        Lane lane = new Lane(oneThread);
        assertTrue(lane.offer(() -> await(gate), 3));
        assertTrue(lane.offer(() -> { }, 3));
        assertTrue(lane.offer(() -> { }, 3));
        assertFalse(lane.offer(() -> { }, 3), "a fourth task while three wait");
        gate.countDown();
        CountDownLatch ran = new CountDownLatch(1);
        awaitIdle(lane);
        assertTrue(lane.offer(ran::countDown, 3));
        assertTrue(ran.await(5, TimeUnit.SECONDS));
    }

    @Test
    void onceTheConnectionClosedItsQueuedWorkIsDroppedAndOnlyTheCleanupRuns() throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        List<String> ran = new CopyOnWriteArrayList<>();
        Lane lane = new Lane(oneThread);
        lane.offer(() -> await(gate), 100);
        for (int i = 0; i < 50; i++) {
            lane.offer(() -> ran.add("verb"), 100);
        }
        CountDownLatch cleaned = new CountDownLatch(1);
        lane.finish(() -> {
            ran.add("cleanup");
            cleaned.countDown();
        });
        assertFalse(lane.offer(() -> ran.add("late verb"), 100), "nothing is taken after the close");
        gate.countDown();
        assertTrue(cleaned.await(5, TimeUnit.SECONDS));
        assertEquals(List.of("cleanup"), ran);
        awaitIdle(lane);
    }

    private static void awaitIdle(Lane lane) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!lane.isIdle() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertTrue(lane.isIdle());
    }

    private static void await(CountDownLatch gate) {
        try {
            gate.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
