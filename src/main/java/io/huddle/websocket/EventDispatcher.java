package io.huddle.websocket;

import io.huddle.action.ActionCatalog;
import io.huddle.action.ActionRunner;
import io.huddle.action.JsonParams;
import io.huddle.action.PublicFiles;
import io.huddle.chat.RoomManager;
import io.huddle.config.LimitSettings;
import io.huddle.connection.Connection;
import io.huddle.connection.ErrorMessages;
import io.huddle.connection.FrameEncoder;
import io.huddle.connection.Jsonp;
import io.huddle.connection.Refusal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Serves one decoded inbound event by calling the service that owns it and queueing the reply. Called on the
 * container's thread for the connection, which may be an I/O thread (WildFly with {@code dispatch-to-worker=false}):
 * only quick, non-blocking events are served there; room verbs, {@code say} and {@code quit} go to the connection's
 * {@link Lane}, and everything arriving while the lane is busy queues behind it, so one connection's verbs are still
 * answered in the order they arrived. Actions and files are handed to worker threads and answered when they are
 * done, in any order (spec §2.8).
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

    void dispatch(Connection connection, Lane lane, String frame) {
        if (frameSize.exceeded(frame)) {
            refuseOversized(connection);
            return;
        }
        // any frame proves the client is there: a pong queued behind a burst must not get it dropped
        connection.alive(true);
        ClientEvent event = EventDecoder.decode(frame);
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
        if (event instanceof ClientEvent.Pong) {
            return; // liveness is recorded for every frame
        } else if (event instanceof ClientEvent.IdRequest) {
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
            files.read(call.file()).thenAccept(file -> send(connection, file.toJson(call.messageId())));
        } else if (event instanceof ClientEvent.Documentation documentation) {
            send(connection, VerbReply.ok(catalog.documentation(), documentation.messageId()));
        } else if (event instanceof ClientEvent.Invalid invalid) {
            LOG.fine(() -> "rejected frame on " + connection + ": " + invalid.error());
            send(connection, VerbReply.error(invalid.error(), invalid.data(), invalid.messageId()));
        }
    }

    /** A failed say echoes the message as data, as ActionHero does. */
    private void sayOrFail(Connection connection, ClientEvent.Say say) {
        try {
            rooms.say(connection, say.room(), say.message());
            send(connection, VerbReply.ok(null, say.messageId()));
        } catch (Refusal e) {
            Object data = say.message() == null ? JsonValue.EMPTY_JSON_OBJECT
                    : Jsonp.objectBuilder().add("message", say.message()).build();
            send(connection, VerbReply.error(e.getMessage(), data, say.messageId()));
        }
    }

    private void send(Connection connection, Object reply) {
        connection.send(encoder.encode(reply));
    }
}
