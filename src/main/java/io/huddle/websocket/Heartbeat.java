package io.huddle.websocket;

import io.huddle.config.WebsocketSettings;
import io.huddle.connection.CloseStatus;
import io.huddle.connection.Connection;
import io.huddle.connection.Connections;
import io.huddle.connection.FrameEncoder;
import io.huddle.connection.OutboundFrame;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The Primus heartbeat (spec §1.4): every interval each connection gets {@code "primus::ping::<ms>"}; one that sent
 * nothing since the previous ping (no pong, no other frame) is closed without {@code primus::server::close}, so its
 * client reconnects.
 */
@ApplicationScoped
public class Heartbeat {

    /** Private-use close code: the client missed a heartbeat. */
    static final int MISSED_HEARTBEAT_CLOSE_CODE = 4000;

    private static final Logger LOG = Logger.getLogger(Heartbeat.class.getName());

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    WebsocketSettings websocket;

    @Inject
    Connections connections;

    @Inject
    FrameEncoder encoder;

    private ScheduledFuture<?> ticks;

    void start(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        long interval = websocket.pingIntervalMillis();
        if (interval > 0) {
            // fixed delay, not fixed rate: a tick held up (a stalled JVM, a scheduler thread shared with a Redis call
            // during a failover) must not be followed by catch-up ticks back to back, which would judge clients that
            // were pinged a moment ago and close them all as silent
            ticks = scheduler.scheduleWithFixedDelay(this::tick, interval, interval, TimeUnit.MILLISECONDS);
        }
    }

    void tick() {
        try {
            String pingText = encoder.encode("primus::ping::" + System.currentTimeMillis());
            OutboundFrame ping = OutboundFrame.forRecipients(pingText, connections.count());
            CloseStatus missed = new CloseStatus(MISSED_HEARTBEAT_CLOSE_CODE,
                    "missed heartbeat: no pong within " + websocket.pingIntervalMillis() + " ms");
            for (Connection connection : connections.all()) {
                if (!connection.canChat()) {
                    continue;
                }
                if (!connection.alive()) {
                    LOG.log(Level.FINE, "{0} missed a heartbeat", connection);
                    connection.abort(missed);
                } else {
                    connection.alive(false);
                    connection.send(ping);
                }
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "heartbeat tick failed", e);
        }
    }

    @PreDestroy
    void stop() {
        if (ticks != null) {
            ticks.cancel(false);
        }
    }
}
