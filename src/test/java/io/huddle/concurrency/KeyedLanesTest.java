package io.huddle.concurrency;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KeyedLanesTest {

    private final ExecutorService threads = Executors.newFixedThreadPool(4);
    private final KeyedLanes<String> lanes = new KeyedLanes<>(threads);

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    @Test
    void oneKeysTasksRunOneAtATimeInSubmissionOrder() throws InterruptedException {
        List<Integer> ran = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch done = new CountDownLatch(1000);
        for (int i = 0; i < 1000; i++) {
            int n = i;
            lanes.execute("room", () -> {
                ran.add(n);
                done.countDown();
            });
        }

        assertTrue(done.await(10, TimeUnit.SECONDS));
        for (int i = 0; i < 1000; i++) {
            assertEquals(i, ran.get(i));
        }
    }

    @Test
    void aBlockedKeyDoesNotHoldUpAnother() throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch otherRan = new CountDownLatch(1);
        lanes.execute("slow", () -> await(release));

        lanes.execute("fast", otherRan::countDown);

        assertTrue(otherRan.await(5, TimeUnit.SECONDS));
        assertFalse(lanes.isIdle("slow"));
        release.countDown();
    }

    @Test
    void aKeyIsIdleAgainOnceItsWorkIsDone() throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch second = new CountDownLatch(1);
        lanes.execute("room", () -> await(release));
        lanes.execute("room", second::countDown);
        assertFalse(lanes.isIdle("room"));

        release.countDown();

        assertTrue(second.await(5, TimeUnit.SECONDS));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!lanes.isIdle("room") && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertTrue(lanes.isIdle("room"));
    }

    @Test
    void aFailingTaskDoesNotStopTheTasksBehindIt() throws InterruptedException {
        CountDownLatch after = new CountDownLatch(1);
        lanes.execute("room", () -> {
            throw new IllegalStateException("a hook failed");
        });
        lanes.execute("room", after::countDown);

        assertTrue(after.await(5, TimeUnit.SECONDS));
    }

    @Test
    void aBusyKeyYieldsItsThreadAfterABatchSoAnotherKeyIsServedInBetween() {
        List<Runnable> handedToPool = new ArrayList<>();
        KeyedLanes<String> byHand = new KeyedLanes<>(handedToPool::add);
        List<String> ran = new ArrayList<>();
        for (int i = 0; i < KeyedLanes.BATCH + 8; i++) {
            int n = i;
            byHand.execute("busy", () -> ran.add("busy " + n));
        }
        byHand.execute("other", () -> ran.add("other"));

        while (!handedToPool.isEmpty()) {
            handedToPool.remove(0).run();
        }

        assertEquals("other", ran.get(KeyedLanes.BATCH), "served right after the busy key's first turn: " + ran);
        assertEquals(KeyedLanes.BATCH + 9, ran.size());
        assertEquals("busy " + (KeyedLanes.BATCH + 7), ran.get(ran.size() - 1));
        assertTrue(byHand.isIdle("busy") && byHand.isIdle("other"));
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
