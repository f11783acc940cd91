package io.huddle.websocket.container;

import java.lang.reflect.Field;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Delayed;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Payara's Tyrus (2.1.5.payara-p2) restarts a session's idle timer on every frame received and sent, and unlike
 * upstream Tyrus it schedules the timer task even when the idle timeout is off: {@code
 * TyrusSession.restartIdleTimeoutExecutor()} always calls {@code service.schedule(new IdleTimeoutCommand(),
 * getMaxIdleTimeout(), MILLISECONDS)}, on Payara the default managed scheduled executor. With the timeout at 0 each
 * frame therefore costs a managed task: its context is captured ({@code ContextSetupProviderImpl.saveContext}
 * runs {@code ServiceLoader.load(ThreadContextProvider.class)} over the context class loader — for a received
 * frame the WAR's, whose parents hold Payara's 316 runtime jars), and the no-op task then runs at once on a
 * scheduler thread with that context set up and torn down again. That was most of Payara's CPU in the benchmarks.
 *
 * <p>This class gives each Tyrus session a scheduler that drops exactly that task when its delay is 0 or less
 * (the timeout is off) and hands everything else to the container's executor. Dropping it is what upstream Tyrus
 * does: the command only acts if the timeout is positive when it runs, and turning the timeout on goes through
 * {@code setMaxIdleTimeout}, which schedules again with the positive delay. The session keeps its scheduler in a
 * private field, so this is reflection, done only on Tyrus' session class; anything unexpected (another Tyrus
 * version without the field) leaves the session as it is, and Huddle still works, only slower ({@link TyrusSupport}
 * then sends through {@link PlatformLoaderTransport}). Delete it the day Payara's Tyrus returns early from {@code
 * restartIdleTimeoutExecutor()} when the idle timeout is off, as upstream Tyrus does.
 */
final class TyrusIdleTimer {

    /** Tyrus' session class, on which the scheduler field is found. */
    static final String SESSION_CLASS = "org.glassfish.tyrus.core.TyrusSession";

    private static final Logger LOG = Logger.getLogger(TyrusIdleTimer.class.getName());

    private final String sessionClass;
    private final String idleCommandClass;

    /** The session's scheduler field, looked up on the first session; null when this Tyrus has none we can set. */
    private volatile Field serviceField;
    private volatile boolean lookedUp;

    /** For sessions of the class named {@code sessionClass}, whose idle timer task is its {@code IdleTimeoutCommand}. */
    TyrusIdleTimer(String sessionClass) {
        this.sessionClass = sessionClass;
        this.idleCommandClass = sessionClass + "$IdleTimeoutCommand";
    }

    /** Returns true if the session's idle timer now costs nothing while the timeout is off. */
    boolean install(Object session) {
        if (!session.getClass().getName().equals(sessionClass)) {
            return false;
        }
        Field field = field(session.getClass());
        if (field == null) {
            return false;
        }
        try {
            Object current = field.get(session);
            if (current instanceof Gate) {
                return true;
            }
            if (!(current instanceof ScheduledExecutorService)) {
                return false;
            }
            field.set(session, new Gate((ScheduledExecutorService) current, idleCommandClass));
            return true;
        } catch (IllegalAccessException | RuntimeException e) {
            LOG.log(Level.FINE, "could not replace Tyrus' idle-timer scheduler", e);
            return false;
        }
    }

    private Field field(Class<?> sessionClass) {
        if (!lookedUp) {
            synchronized (this) {
                if (!lookedUp) {
                    serviceField = lookUp(sessionClass);
                    lookedUp = true;
                }
            }
        }
        return serviceField;
    }

    private static Field lookUp(Class<?> sessionClass) {
        try {
            Field field = sessionClass.getDeclaredField("service");
            if (field.getType() != ScheduledExecutorService.class) {
                throw new NoSuchFieldException("service is a " + field.getType());
            }
            field.setAccessible(true);
            LOG.info("Tyrus: idle timer tasks are skipped while a session's idle timeout is off");
            return field;
        } catch (NoSuchFieldException | RuntimeException e) {
            LOG.log(Level.INFO, "Tyrus: this version's idle timer cannot be reached, every frame schedules a task ("
                    + e + ")");
            return null;
        }
    }

    /** The container's scheduler, without the no-op idle timer tasks. */
    static final class Gate implements ScheduledExecutorService {

        private final ScheduledExecutorService delegate;
        private final String idleCommandClass;

        Gate(ScheduledExecutorService delegate, String idleCommandClass) {
            this.delegate = delegate;
            this.idleCommandClass = idleCommandClass;
        }

        @Override
        public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
            if (delay <= 0 && command.getClass().getName().equals(idleCommandClass)) {
                return Skipped.INSTANCE;
            }
            return delegate.schedule(command, delay, unit);
        }

        @Override
        public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
            return delegate.schedule(callable, delay, unit);
        }

        @Override
        public ScheduledFuture<?> scheduleAtFixedRate(Runnable command, long initialDelay, long period,
                                                      TimeUnit unit) {
            return delegate.scheduleAtFixedRate(command, initialDelay, period, unit);
        }

        @Override
        public ScheduledFuture<?> scheduleWithFixedDelay(Runnable command, long initialDelay, long delay,
                                                         TimeUnit unit) {
            return delegate.scheduleWithFixedDelay(command, initialDelay, delay, unit);
        }

        @Override
        public void shutdown() {
            delegate.shutdown();
        }

        @Override
        public List<Runnable> shutdownNow() {
            return delegate.shutdownNow();
        }

        @Override
        public boolean isShutdown() {
            return delegate.isShutdown();
        }

        @Override
        public boolean isTerminated() {
            return delegate.isTerminated();
        }

        @Override
        public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
            return delegate.awaitTermination(timeout, unit);
        }

        @Override
        public <T> Future<T> submit(Callable<T> task) {
            return delegate.submit(task);
        }

        @Override
        public <T> Future<T> submit(Runnable task, T result) {
            return delegate.submit(task, result);
        }

        @Override
        public Future<?> submit(Runnable task) {
            return delegate.submit(task);
        }

        @Override
        public <T> List<Future<T>> invokeAll(Collection<? extends Callable<T>> tasks) throws InterruptedException {
            return delegate.invokeAll(tasks);
        }

        @Override
        public <T> List<Future<T>> invokeAll(Collection<? extends Callable<T>> tasks, long timeout, TimeUnit unit)
                throws InterruptedException {
            return delegate.invokeAll(tasks, timeout, unit);
        }

        @Override
        public <T> T invokeAny(Collection<? extends Callable<T>> tasks)
                throws InterruptedException, ExecutionException {
            return delegate.invokeAny(tasks);
        }

        @Override
        public <T> T invokeAny(Collection<? extends Callable<T>> tasks, long timeout, TimeUnit unit)
                throws InterruptedException, ExecutionException, TimeoutException {
            return delegate.invokeAny(tasks, timeout, unit);
        }

        @Override
        public void execute(Runnable command) {
            delegate.execute(command);
        }
    }

    /** The future of a timer task that was never scheduled: done, and cancelling it does nothing. */
    static final class Skipped implements ScheduledFuture<Object> {

        static final Skipped INSTANCE = new Skipped();

        @Override
        public long getDelay(TimeUnit unit) {
            return 0;
        }

        @Override
        public int compareTo(Delayed other) {
            return Long.compare(0, other.getDelay(TimeUnit.NANOSECONDS));
        }

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            return false;
        }

        @Override
        public boolean isCancelled() {
            return false;
        }

        @Override
        public boolean isDone() {
            return true;
        }

        @Override
        public Object get() {
            return null;
        }

        @Override
        public Object get(long timeout, TimeUnit unit) {
            return null;
        }
    }
}
