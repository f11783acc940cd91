package io.huddle.chat;

import io.huddle.cluster.ClusterUnavailable;
import io.huddle.cluster.RoomStore;
import io.huddle.config.RoomLimitSettings;
import io.huddle.connection.Refusal;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Removes rooms clients created once they have been empty for {@code huddle.chat.idleRoomTimeout}, as
 * {@link RoomManager#destroy} does (a member who joined at the last moment is told the room was deleted). Every node
 * sweeps; the store hands each idle room to one of them ({@link RoomStore#claimIdle}), so the cost follows the
 * rooms that went idle, not all rooms.
 */
@ApplicationScoped
public class IdleRooms {

    private static final Logger LOG = Logger.getLogger(IdleRooms.class.getName());

    /** Rooms claimed per store call; a sweep goes on while full batches come back. */
    static final int BATCH = 500;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    RoomLimitSettings limits;

    @Inject
    RoomStore store;

    @Inject
    RoomManager rooms;

    private ScheduledFuture<?> sweeps;

    void start(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        long timeout = limits.idleRoomTimeoutMillis();
        if (timeout > 0) {
            // a tenth of the timeout: a room goes at most 10% late; at least 100 ms, at most a minute apart
            long period = Math.min(60_000, Math.max(100, timeout / 10));
            sweeps = scheduler.scheduleWithFixedDelay(this::sweep, period, period, TimeUnit.MILLISECONDS);
        }
    }

    /** Removes the idle rooms this node claims; returns how many. */
    int sweep() {
        int removed = 0;
        try {
            List<String> claimed;
            do {
                long now = System.currentTimeMillis();
                claimed = store.claimIdle(now - limits.idleRoomTimeoutMillis(), now, BATCH);
                for (String room : claimed) {
                    if (store.memberCount(room) == 0 && store.releaseIdle(room, now)) {
                        removed += destroy(room);
                    }
                }
            } while (claimed.size() == BATCH);
        } catch (ClusterUnavailable e) {
            LOG.fine(() -> "idle room sweep skipped: " + e.getMessage()); // the rooms are claimed again later
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "idle room sweep failed; it runs again", e);
        }
        if (removed > 0) {
            int count = removed;
            LOG.fine(() -> "removed " + count + " idle rooms");
        }
        return removed;
    }

    private int destroy(String room) {
        try {
            rooms.destroy(room);
            return 1;
        } catch (Refusal e) {
            return 0; // destroyed meanwhile by the application
        }
    }

    @PreDestroy
    void stop() {
        if (sweeps != null) {
            sweeps.cancel(false);
        }
    }
}
