package io.huddle.chat;

import io.huddle.cluster.ClusterUnavailable;
import io.huddle.cluster.RoomHistory;
import io.huddle.cluster.RoomMessage;
import io.huddle.cluster.RoomPosition;
import io.huddle.cluster.RoomStore;
import io.huddle.config.HistorySettings;
import io.huddle.config.OutboxSettings;
import io.huddle.connection.ClientError;
import io.huddle.connection.Connection;
import io.huddle.connection.ErrorMessages;
import io.huddle.connection.FrameEncoder;
import io.huddle.connection.OutboundFrame;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbPropertyOrder;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A room's recent past: read on request ({@code roomHistory}), and replayed to a connection that rejoins with the
 * position it last saw ({@code roomAdd} with {@code recover}), followed by a {@code recovered} verdict. A recovery
 * never floods a client past its outbox: it sends at most the room's history size (at most half the outbox's
 * messages, checked at deploy) and at most half the outbox's bytes (else it is refused as {@code too large}).
 */
@ApplicationScoped
public class ChatHistory {

    private static final Logger LOG = Logger.getLogger(ChatHistory.class.getName());

    /** Why a recovery was refused; the client reloads its state. */
    public static final String NO_HISTORY = "no history";
    public static final String EPOCH_CHANGED = "epoch changed";
    public static final String TOO_OLD = "too old";
    public static final String UNAVAILABLE = "history unavailable";
    public static final String TOO_LARGE = "too large";

    @Inject
    RoomHistory history;

    @Inject
    HistorySettings settings;

    @Inject
    OutboxSettings outbox;

    @Inject
    RoomStore store;

    @Inject
    Membership membership;

    @Inject
    Recoveries recoveries;

    @Inject
    FrameEncoder encoder;

    /** What {@code roomHistory} answers: see README, "Room history and recovery". */
    @JsonbPropertyOrder({"room", "epoch", "complete", "more", "messages"})
    public record HistoryView(String room, String epoch, boolean complete, boolean more,
                              List<ChatMessage.Positioned> messages) {
    }

    /** The verdict after a recovery: {@code {"context":"recovered","room","recovered","reason"?,"epoch","position"?,"missed"}}. */
    @JsonbPropertyOrder({"context", "room", "recovered", "reason", "epoch", "position", "missed"})
    public record Verdict(String context, String room, boolean recovered, String reason, String epoch,
                          String position, int missed) {

        static Verdict of(String room, boolean recovered, String reason, String epoch, String position, int missed) {
            return new Verdict("recovered", room, recovered, reason, epoch, position, missed);
        }
    }

    /**
     * At most {@code limit} (at most the room's history size; null: all of it) messages after position
     * {@code since} (null: the newest), oldest first.
     */
    public HistoryView read(String room, String since, Integer limit) {
        if (room == null || room.isEmpty()) {
            throw new ClientError(ErrorMessages.ROOM_REQUIRED);
        }
        if (limit != null && limit < 1) {
            throw new ClientError(ErrorMessages.mustBe("limit", "a positive number"));
        }
        if (!store.exists(room)) {
            throw new ClientError(ErrorMessages.ROOM_DOES_NOT_EXIST);
        }
        HistorySettings.Limits limits = settings.limitsFor(room);
        if (!limits.enabled()) {
            return new HistoryView(room, null, false, false, List.of());
        }
        int count = limit == null ? limits.size() : Math.min(limit, limits.size());
        RoomHistory.Page page = history.read(room, since, count, limits);
        return new HistoryView(room, page.epoch(), page.complete(), page.more(), positioned(page.messages()));
    }

    /** Drops the history of a destroyed room; a room made again under its name starts a new epoch. */
    void forget(String room) {
        try {
            history.forget(room);
        } catch (ClusterUnavailable e) {
            LOG.log(Level.WARNING, "the history of destroyed room " + room + " stays in Redis until its keys expire: "
                    + e.getMessage());
        }
    }

    /**
     * {@code roomAdd} with the position last seen: joins (the join hooks decide), then sends the messages missed
     * since, the verdict, and the live messages that arrived meanwhile, in that order and without duplicates.
     */
    public void rejoin(Connection connection, String room, RoomPosition lastSeen) {
        Recoveries.Recovery recovery = recoveries.start(connection, room);
        List<OutboundFrame> missed = new ArrayList<>();
        Verdict verdict;
        try {
            membership.join(connection, room);
            verdict = recoverOrRefuse(connection, room, lastSeen, missed);
        } catch (RuntimeException e) {
            recoveries.finish(room, recovery, List.of(), null, null); // never left holding a room's messages
            throw e;
        }
        recoveries.finish(room, recovery, missed,
                verdict.recovered() ? new RoomPosition(verdict.epoch(), verdict.position()) : null,
                OutboundFrame.of(encoder.encode(verdict)));
    }

    private Verdict recoverOrRefuse(Connection connection, String room, RoomPosition lastSeen,
                                    List<OutboundFrame> missed) {
        try {
            return recover(room, lastSeen, missed);
        } catch (ClusterUnavailable e) {
            LOG.log(Level.FINE, "recovering " + room + " for " + connection + ": " + e.getMessage());
            missed.clear();
            return Verdict.of(room, false, UNAVAILABLE, null, null, 0);
        }
    }

    /** Reads what was missed since {@code lastSeen} into {@code missed} and says whether that is all of it. */
    private Verdict recover(String room, RoomPosition lastSeen, List<OutboundFrame> missed) {
        HistorySettings.Limits limits = settings.limitsFor(room);
        if (!limits.enabled()) {
            return Verdict.of(room, false, NO_HISTORY, null, null, 0);
        }
        RoomHistory.Page page = history.read(room, lastSeen.position(), limits.size(), limits);
        if (!page.epoch().equals(lastSeen.epoch())) {
            return Verdict.of(room, false, EPOCH_CHANGED, page.epoch(), page.newest(), 0);
        }
        if (!page.complete() || page.more()) {
            return Verdict.of(room, false, TOO_OLD, page.epoch(), page.newest(), 0);
        }
        String last = lastSeen.position();
        long bytes = 0;
        for (ChatMessage.Positioned message : positioned(page.messages())) {
            OutboundFrame frame = OutboundFrame.of(encoder.encode(message));
            bytes += frame.text().length();
            missed.add(frame);
            last = message.position();
        }
        // the count fits the outbox (checked at deploy); the bytes depend on the messages: at most half of it, as
        // the outbox counts them, or the recovery itself would close the client as too slow
        if (bytes > outbox.maxBytes() / 2) {
            missed.clear();
            return Verdict.of(room, false, TOO_LARGE, page.epoch(), page.newest(), 0);
        }
        return Verdict.of(room, true, null, page.epoch(), last, missed.size());
    }

    private static List<ChatMessage.Positioned> positioned(List<RoomMessage> messages) {
        List<ChatMessage.Positioned> out = new ArrayList<>(messages.size());
        for (RoomMessage message : messages) {
            if (message instanceof RoomEvent.Chat chat && chat.position() != null) {
                out.add(chat.message().at(chat.position()));
            }
        }
        return out;
    }
}
