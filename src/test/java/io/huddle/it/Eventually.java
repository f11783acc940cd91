package io.huddle.it;

import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.function.ThrowingConsumer;
import org.junit.jupiter.api.function.ThrowingSupplier;

import java.time.Duration;

/**
 * Waits for something the server does asynchronously (a closed connection leaving its rooms, a node's heartbeat, a
 * subscription coming back) by repeating assertions until they pass or a bounded deadline passes. The assertions
 * are the test's own, unchanged; only their timing is relaxed. At the deadline the last failure is reported, so the
 * message says what was still wrong, not merely that time ran out.
 *
 * <pre>{@code
 * eventually(Duration.ofSeconds(10), () -> assertEquals(Set.of(otherId), members(other, room)));
 * JsonObject details = eventually(Duration.ofSeconds(5), client::details,
 *         d -> assertEquals(0, d.getInt("pendingActions"), d.toString()));
 * }</pre>
 */
public final class Eventually {

    private static final Duration POLL = Duration.ofMillis(100);

    private Eventually() {
    }

    /** Runs {@code assertions} until they pass (returns) or {@code within} has passed (throws their last failure). */
    public static void eventually(Duration within, Executable assertions) {
        eventually(within, () -> null, ignored -> assertions.execute());
    }

    /**
     * Reads {@code probe} and runs {@code assertions} on what it read until they pass, and returns that value; after
     * {@code within}, throws the last failure. An exception from the probe (a request to a node that is restarting)
     * counts as a failed attempt too.
     */
    public static <T> T eventually(Duration within, ThrowingSupplier<T> probe, ThrowingConsumer<? super T> assertions) {
        long deadline = System.nanoTime() + within.toNanos();
        int attempts = 0;
        while (true) {
            attempts++;
            try {
                T value = probe.get();
                assertions.accept(value);
                return value;
            } catch (Throwable e) {
                if (e instanceof Error && !(e instanceof AssertionError)) {
                    throw (Error) e;
                }
                if (System.nanoTime() - deadline >= 0) {
                    throw new AssertionError("still failing after " + within.toMillis() + " ms (" + attempts
                            + " attempts): " + e.getMessage(), e);
                }
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting", e);
            }
        }
    }
}
