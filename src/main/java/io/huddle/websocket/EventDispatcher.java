package io.huddle.websocket;

import io.huddle.action.ActionCatalog;
import io.huddle.action.ActionOutcome;
import io.huddle.action.ActionRunner;
import io.huddle.action.FileReply;
import io.huddle.action.JsonParams;
import io.huddle.action.PublicFiles;
import io.huddle.chat.RoomManager;
import io.huddle.config.ActionSettings;
import io.huddle.config.LimitSettings;
import io.huddle.connection.Connection;
import io.huddle.connection.ErrorMessages;
import io.huddle.connection.FrameEncoder;
import io.huddle.connection.Jsonp;
import io.huddle.connection.Refusal;
import io.huddle.limits.ConnectionLimits;
import io.huddle.limits.Limit;
import io.huddle.limits.RateLimited;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;

import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Serves one decoded inbound event by calling the service that owns it and queueing the reply. Called on the
 * container's thread for the connection, which may be an I/O thread (WildFly with {@code dispatch-to-worker=false}):
 * only quick, non-blocking events are served there; room verbs, {@code say} and {@code quit} go to the connection's
 * {@link Lane}, and everything arriving while the lane is busy queues behind it, so one connection's verbs are still
 * answered in the order they arrived. Actions and files are handed to worker threads and answered when they are
 * done, in any order (spec §2.8).
 *
 * <p>Rate limits are checked here, on the receiving thread, before anything is queued: every frame but a pong spends
 * a {@code frames} token, then its kind's bucket ({@code say}, {@code roomVerbs}, {@code actions} for {@code file}
 * and {@code documentation}; actions spend theirs in {@link ActionRunner}, shared with {@code /api}). A refused
 * request is answered at once with {@code rate limit exceeded (<limit>)} and {@code retryAfter}, and nothing else
 * happens.
 */
@ApplicationScoped
public class EventDispatcher {

    private static final Logger LOG = Logger.getLogger(EventDispatcher.class.getName());

    @Inject
    FrameEncoder encoder;

    @Inject
    WebsocketSessions sessions;

    @Inject
    FrameSizeLimit frameSize;

    @Inject
    RoomManager rooms;

    @Inject
    ActionRunner actions;

    @Inject
    ActionCatalog catalog;

    @Inject
    PublicFiles files;

    @Inject
    LimitSettings limits;

    @Inject
    ActionSettings actionSettings;

    void dispatch(Connection connection, Lane lane, String frame) {
        if (frameSize.exceeded(frame)) {
            refuseOversized(connection);
            return;
        }
        // any frame proves the client is there: a pong queued behind a burst must not get it dropped
        connection.alive(true);
        ClientEvent event = EventDecoder.decode(frame);
        if (event instanceof ClientEvent.Pong) {
            return; // a heartbeat is never limited: throttling it would drop a client for being alive
        }
        if (connection.limits().isClosing()) {
            return; // closed for hammering, told so, and about to be closed: nothing more is answered
        }
        try {
            spendTokens(connection.limits(), event);
        } catch (RateLimited e) {
            if (!connection.limits().isClosing()) { // the refusal that ends it is not answered either
                refuseRateLimited(connection, event, e);
            }
            return;
        }
        if (lane.isIdle() && isQuick(event)) {
            serveOrReplyError(connection, event);
        } else if (!lane.offer(() -> serveOrReplyError(connection, event), limits.queuedEvents())) {
            refuseQueued(connection, event);
        }
    }

    /** A frame over {@code huddle.websocket.server.maxLength} ends its connection with 1009. */
    void refuseOversized(Connection connection) {
        LOG.fine(() -> "closing " + connection + ": a frame over the size limit");
        connection.close(null, frameSize.tooBig());
    }

    /** One {@code frames} token, then one of the event's own kind; actions take theirs in {@link ActionRunner}. */
    private static void spendTokens(ConnectionLimits limits, ClientEvent event) {
        limits.take(Limit.FRAMES);
        if (event instanceof ClientEvent.Say say) {
            limits.takeSay(say.room());
        } else if (event instanceof ClientEvent.RoomAdd || event instanceof ClientEvent.RoomLeave
                || event instanceof ClientEvent.RoomView || event instanceof ClientEvent.RoomHistory) {
            limits.take(Limit.ROOM_VERBS);
        } else if (event instanceof ClientEvent.FileCall || event instanceof ClientEvent.Documentation) {
            limits.take(Limit.ACTIONS);
        }
    }

    /**
     * A refused request is answered in its kind's reply shape with {@code retryAfter}; a refused Primus control frame
     * ({@code primus::id::}) is dropped, as its answer is no JSON reply a client could match.
     */
    private void refuseRateLimited(Connection connection, ClientEvent event, RateLimited refused) {
        String error = refused.getMessage();
        long retryAfter = refused.retryAfterMillis();
        if (event instanceof ClientEvent.ActionCall call) {
            send(connection, ActionReply.of(new ActionOutcome(Map.of(), error, refused.status(),
                    retryAfter), call.messageId()));
        } else if (event instanceof ClientEvent.FileCall call) {
            send(connection, Jsonp.objectBuilder(FileReply.failed(error).toJson(call.messageId()))
                    .add("retryAfter", retryAfter).build());
        } else if (event instanceof ClientEvent.Say say) {
            send(connection, VerbReply.rateLimited(error, sayData(say), say.messageId(), retryAfter));
        } else if (event instanceof ClientEvent.Request request) {
            send(connection, VerbReply.rateLimited(error, JsonValue.EMPTY_JSON_OBJECT, request.messageId(),
                    retryAfter));
        }
    }

    /** A connection that queued as many events as it may is told so, per request, at once. */
    private void refuseQueued(Connection connection, ClientEvent event) {
        if (event instanceof ClientEvent.Request request) {
            send(connection, VerbReply.error(ErrorMessages.TOO_MANY_PENDING, JsonValue.EMPTY_JSON_OBJECT,
                    request.messageId()));
        }
    }

    /**
     * Events that never block and run no application code. The others touch the room store (Redis in a cluster: a
     * call may wait up to {@code huddle.redis.timeout}), run chat middleware, or fan a message out to a whole room.
     */
    private static boolean isQuick(ClientEvent event) {
        return !(event instanceof ClientEvent.RoomAdd || event instanceof ClientEvent.RoomLeave
                || event instanceof ClientEvent.RoomView || event instanceof ClientEvent.RoomHistory
                || event instanceof ClientEvent.Say
                || event instanceof ClientEvent.Quit);
    }

    private void serveOrReplyError(Connection connection, ClientEvent event) {
        try {
            serve(connection, event);
        } catch (Refusal e) {
            if (event instanceof ClientEvent.Request request) {
                send(connection, VerbReply.error(e.getMessage(), JsonValue.EMPTY_JSON_OBJECT, request.messageId()));
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "serving " + event + " on " + connection + " failed", e);
            if (event instanceof ClientEvent.Request request) {
                send(connection, VerbReply.error(ErrorMessages.INTERNAL_ERROR, JsonValue.EMPTY_JSON_OBJECT,
                        request.messageId()));
            }
        }
    }

    void rejectBinary(Connection connection) {
        LOG.fine(() -> "rejected binary frame on " + connection);
        send(connection, VerbReply.error(ErrorMessages.BINARY_FRAME, null, EventDecoder.freshId()));
    }

    private void serve(Connection connection, ClientEvent event) {
        if (event instanceof ClientEvent.IdRequest) {
            connection.send(encoder.encode("primus::id::" + connection.id()));
        } else if (event instanceof ClientEvent.DetailsView view) {
            send(connection, VerbReply.ok(connection.details(), view.messageId()));
        } else if (event instanceof ClientEvent.Quit) {
            sessions.destroy(connection);
        } else if (event instanceof ClientEvent.RoomAdd add) {
            if (add.recover() == null) {
                rooms.join(connection, add.room());
            } else {
                rooms.rejoin(connection, add.room(), add.recover());
            }
            send(connection, VerbReply.ok(Boolean.TRUE, add.messageId()));
        } else if (event instanceof ClientEvent.RoomLeave leave) {
            rooms.leave(connection, leave.room());
            send(connection, VerbReply.ok(Boolean.TRUE, leave.messageId()));
        } else if (event instanceof ClientEvent.RoomView view) {
            send(connection, VerbReply.ok(rooms.view(connection, view.room()), view.messageId()));
        } else if (event instanceof ClientEvent.RoomHistory history) {
            send(connection, VerbReply.ok(rooms.history(connection, history.room(), history.since(), history.limit()),
                    history.messageId()));
        } else if (event instanceof ClientEvent.Say say) {
            sayOrFail(connection, say);
        } else if (event instanceof ClientEvent.ActionCall call) {
            actions.run(connection, JsonParams.toMap(call.params()))
                    .thenAccept(outcome -> send(connection, ActionReply.of(outcome, call.messageId())));
        } else if (event instanceof ClientEvent.FileCall call) {
            if (startCounted(connection)) {
                files.read(call.file()).whenComplete((file, failure) -> connection.actionFinished())
                        .thenAccept(file -> send(connection, file.toJson(call.messageId())));
            } else {
                send(connection, FileReply.failed(ErrorMessages.TOO_MANY_PENDING).toJson(call.messageId()));
            }
        } else if (event instanceof ClientEvent.Documentation documentation) {
            if (startCounted(connection)) {
                try {
                    send(connection, VerbReply.ok(catalog.documentation(), documentation.messageId()));
                } finally {
                    connection.actionFinished();
                }
            } else {
                send(connection, VerbReply.error(ErrorMessages.TOO_MANY_PENDING, JsonValue.EMPTY_JSON_OBJECT,
                        documentation.messageId()));
            }
        } else if (event instanceof ClientEvent.Invalid invalid) {
            LOG.fine(() -> "rejected frame on " + connection + ": " + invalid.error());
            send(connection, VerbReply.error(invalid.error(), invalid.data(), invalid.messageId()));
        }
    }

    /**
     * {@code file} and {@code documentation} count against {@code simultaneousActions} as actions do (issue #16: a
     * client must not get around the limit by asking for files); false, with the refusal recorded, past it.
     */
    private boolean startCounted(Connection connection) {
        if (connection.requestStarted() > actionSettings.simultaneousActions()) {
            connection.actionFinished();
            actions.tooManyPending(connection);
            return false;
        }
        return true;
    }

    /** A failed say echoes the message as data, as ActionHero does. */
    private void sayOrFail(Connection connection, ClientEvent.Say say) {
        try {
            rooms.say(connection, say.room(), say.message());
            send(connection, VerbReply.ok(null, say.messageId()));
        } catch (Refusal e) {
            send(connection, VerbReply.error(e.getMessage(), sayData(say), say.messageId()));
        }
    }

    private static Object sayData(ClientEvent.Say say) {
        return say.message() == null ? JsonValue.EMPTY_JSON_OBJECT
                : Jsonp.objectBuilder().add("message", say.message()).build();
    }

    private void send(Connection connection, Object reply) {
        connection.send(encoder.encode(reply));
    }
}
