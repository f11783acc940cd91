package io.huddle.websocket.container;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.util.HashMap;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Payara's Tyrus idle-timer workaround, on a session class shaped like {@code TyrusSession}. */
class TyrusIdleTimerTest {

    /** Like Tyrus' session: the scheduler in a private field, the idle timer a nested command class. */
    static final class Session {
        @SuppressWarnings("unused") // read and replaced by reflection
        private ScheduledExecutorService service;

        Session(ScheduledExecutorService service) {
            this.service = service;
        }

        /** What Payara's Tyrus schedules on every frame, with the idle timeout as delay. */
        static final class IdleTimeoutCommand implements Runnable {
            @Override
            public void run() {
            }
        }
    }

    /** A session class of another Tyrus, without the field. */
    static final class OtherSession {
    }

    /** The container's scheduler: records what reaches it. */
    private final List<Runnable> scheduled = new CopyOnWriteArrayList<>();
    private final ScheduledThreadPoolExecutor container = new ScheduledThreadPoolExecutor(1) {
        @Override
        public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
            scheduled.add(command);
            return super.schedule(command, delay, unit);
        }
    };

    @AfterEach
    void stopContainer() {
        container.shutdownNow();
    }

    @Test
    void theIdleTimerTaskIsDroppedWhileTheTimeoutIsOffAndEverythingElseReachesTheContainer() throws Exception {
        Session session = new Session(container);
        assertTrue(new TyrusIdleTimer(Session.class.getName()).install(session));
        ScheduledExecutorService gate = scheduler(session);
        assertInstanceOf(TyrusIdleTimer.Gate.class, gate);

        ScheduledFuture<?> skipped = gate.schedule(new Session.IdleTimeoutCommand(), 0, TimeUnit.MILLISECONDS);
        assertTrue(skipped.isDone());
        assertFalse(skipped.cancel(false));
        assertTrue(scheduled.isEmpty(), "no task for the container while the idle timeout is off");

        Runnable timeoutOn = new Session.IdleTimeoutCommand();
        gate.schedule(timeoutOn, 30_000, TimeUnit.MILLISECONDS);
        Runnable otherTask = () -> { };
        gate.schedule(otherTask, 0, TimeUnit.MILLISECONDS);
        assertEquals(List.of(timeoutOn, otherTask), scheduled, "a real timeout and other tasks are scheduled");
        assertEquals(42, gate.submit(() -> 42).get(), "the rest of the executor is the container's");
    }

    @Test
    void installingTwiceKeepsOneGate() throws Exception {
        Session session = new Session(container);
        TyrusIdleTimer timer = new TyrusIdleTimer(Session.class.getName());
        assertTrue(timer.install(session));
        ScheduledExecutorService first = scheduler(session);
        assertTrue(timer.install(session));
        assertSame(first, scheduler(session));
    }

    @Test
    void aSessionOfAnotherClassOrWithoutTheFieldIsLeftAlone() throws Exception {
        Session session = new Session(container);
        assertFalse(new TyrusIdleTimer(OtherSession.class.getName()).install(session));
        assertSame(container, scheduler(session));
        assertFalse(new TyrusIdleTimer(OtherSession.class.getName()).install(new OtherSession()),
                "a Tyrus without the field: Huddle works on, only slower");
    }

    @Test
    void tyrusSupportSendsUnderThePlatformLoaderWhereTheTimerCouldNotBeTamed() {
        TyrusSupport tyrus = new TyrusSupport();
        assertInstanceOf(PlatformLoaderTransport.class,
                tyrus.prepare(FakeSessions.withUserProperties(new HashMap<>())));
    }

    private static ScheduledExecutorService scheduler(Session session) throws ReflectiveOperationException {
        Field field = Session.class.getDeclaredField("service");
        field.setAccessible(true);
        return (ScheduledExecutorService) field.get(session);
    }
}
