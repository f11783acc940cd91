package io.huddle.websocket;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One connection's lane: its tasks run in arrival order, one at a time, on a shared pool. */
class LaneTest {

    private final ExecutorService pool = Executors.newFixedThreadPool(4);

    /** What a lane gave a pool that runs nothing until the test runs it: every step is the test's to make. */
    private final List<Runnable> handedToPool = new ArrayList<>();

    @AfterEach
    void stopPool() {
        pool.shutdownNow();
    }

    @Test
    void tasksRunInTheOrderTheyArrived() throws Exception {
        Lane lane = new Lane(pool);
        List<Integer> ran = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch done = new CountDownLatch(1000);
        for (int i = 0; i < 1000; i++) {
            int n = i;
            lane.execute(() -> {
                ran.add(n);
                done.countDown();
            });
        }
        assertTrue(done.await(10, TimeUnit.SECONDS));
        assertEquals(IntStream.range(0, 1000).boxed().toList(), ran);
    }

    @Test
    void neverTwoTasksOfOneLaneAtOnceEvenWhenManyThreadsSubmit() throws Exception {
        Lane lane = new Lane(pool);
        AtomicInteger running = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        int submitters = 8;
        int perSubmitter = 500;
        CountDownLatch done = new CountDownLatch(submitters * perSubmitter);
        ExecutorService clients = Executors.newFixedThreadPool(submitters);
        try {
            for (int s = 0; s < submitters; s++) {
                clients.execute(() -> {
                    for (int i = 0; i < perSubmitter; i++) {
                        lane.execute(() -> {
                            mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
                            Thread.onSpinWait();
                            running.decrementAndGet();
                            done.countDown();
                        });
                    }
                });
            }
            assertTrue(done.await(20, TimeUnit.SECONDS), "tasks left: " + done.getCount());
        } finally {
            clients.shutdownNow();
        }
        assertEquals(1, mostAtOnce.get());
    }

    @Test
    void eachSubmittersTasksKeepTheirOrderWhenSubmittersInterleave() throws Exception {
        Lane lane = new Lane(pool);
        List<String> ran = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch done = new CountDownLatch(2 * 300);
        ExecutorService clients = Executors.newFixedThreadPool(2);
        try {
            for (String who : List.of("a", "b")) {
                clients.execute(() -> IntStream.range(0, 300).forEach(i -> lane.execute(() -> {
                    ran.add(who + i);
                    done.countDown();
                })));
            }
            assertTrue(done.await(10, TimeUnit.SECONDS));
        } finally {
            clients.shutdownNow();
        }
        for (String who : List.of("a", "b")) {
            List<String> own = ran.stream().filter(task -> task.startsWith(who)).toList();
            assertEquals(IntStream.range(0, 300).mapToObj(i -> who + i).toList(), own);
        }
    }

    @Test
    void aTaskArrivingWhileAnotherRunsWaitsForIt() {
        Lane lane = new Lane(handedToPool::add);
        List<String> ran = new ArrayList<>();
        lane.execute(() -> {
            ran.add("first starts");
            lane.execute(() -> ran.add("second"));
            ran.add("first ends");
        });
        handedToPool.remove(0).run();
        assertEquals(List.of("first starts", "first ends", "second"), ran);
        assertEquals(List.of(), handedToPool, "the busy lane kept the second task instead of handing the pool another");
    }

    @Test
    void aBurstOfTasksTakesOnePoolThreadAndTheLaneIsIdleOnlyWhenAllRan() {
        Lane lane = new Lane(handedToPool::add);
        assertTrue(lane.isIdle());
        List<Integer> ran = new ArrayList<>();
        lane.execute(() -> ran.add(1));
        lane.execute(() -> ran.add(2));
        lane.execute(() -> ran.add(3));
        assertEquals(1, handedToPool.size());
        assertFalse(lane.isIdle(), "tasks are queued: work on the caller's thread would overtake them");
        handedToPool.remove(0).run();
        assertEquals(List.of(1, 2, 3), ran);
        assertTrue(lane.isIdle());
        lane.execute(() -> ran.add(4));
        assertEquals(1, handedToPool.size(), "an idle lane that gets work asks the pool again");
    }

    @Test
    void aTaskThatThrowsDoesNotStopTheTasksBehindIt() {
        Lane lane = new Lane(handedToPool::add);
        List<String> ran = new ArrayList<>();
        lane.execute(() -> {
            throw new IllegalStateException("a verb failed (logged by the lane; expected in this test)");
        });
        lane.execute(() -> ran.add("after"));
        handedToPool.remove(0).run();
        assertEquals(List.of("after"), ran);
        assertTrue(lane.isIdle());
    }

    @Test
    void whenTheExecutorIsStoppedTheTaskStillRunsOnTheCallersThread() {
        Lane lane = new Lane(task -> {
            throw new RejectedExecutionException("undeployed");
        });
        List<Thread> ranOn = new ArrayList<>();
        lane.execute(() -> ranOn.add(Thread.currentThread()));
        assertEquals(List.of(Thread.currentThread()), ranOn);
        assertTrue(lane.isIdle());
    }
}
