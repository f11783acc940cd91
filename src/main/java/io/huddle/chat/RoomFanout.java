package io.huddle.chat;

import io.huddle.cluster.RoomDelivery;
import io.huddle.concurrency.KeyedLanes;
import io.huddle.cluster.RoomMessage;
import io.huddle.cluster.RoomPosition;
import io.huddle.connection.Connection;
import io.huddle.connection.FrameEncoder;
import io.huddle.connection.OutboundFrame;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.InterceptionType;
import jakarta.enterprise.util.AnnotationLiteral;
import jakarta.inject.Inject;

import java.util.Collection;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Delivers room messages to this node's members. A chat message is serialized once and the same frame is queued on
 * every recipient's outbox; only a {@link SayHook} that changes the message for a recipient costs a second
 * serialization. When no say hook is installed, recipients are not even offered to the hook chain. Other nodes'
 * messages that run application hooks are delivered on their room's lane of the {@link DeliveryExecutor}, never on
 * the cluster bus's thread.
 */
@ApplicationScoped
public class RoomFanout implements RoomDelivery, RoomEvent.Receiver {

    private static final Logger LOG = Logger.getLogger(RoomFanout.class.getName());

    @Inject
    LocalRooms localRooms;

    @Inject
    ChatHooks hooks;

    @Inject
    FrameEncoder encoder;

    @Inject
    MemberDetails details;

    @Inject
    BeanManager beanManager;

    @Inject
    DeliveryExecutor executor;

    @Inject
    Recoveries recoveries;

    private boolean sayHooksInstalled;
    private boolean memberDetailsReplaced;
    /** Other nodes' messages that run application code, each room's in arrival order. */
    private KeyedLanes<String> lanes;

    @PostConstruct
    void findHooks() {
        sayHooksInstalled = !beanManager.resolveInterceptors(InterceptionType.AROUND_INVOKE,
                new AnnotationLiteral<SayHook>() { }).isEmpty();
        memberDetailsReplaced = beanManager.resolve(beanManager.getBeans(MemberDetails.class)).getBeanClass()
                != DefaultMemberDetails.class;
        lanes = executor.newLanes();
    }

    @Override
    public void deliver(RoomMessage message) {
        // the chat layer publishes nothing but RoomEvents, and reads nothing else back
        ((RoomEvent) message).deliverTo(this);
    }

    /**
     * Delivers on the bus's thread only what runs no application code, and only while nothing of the room waits on
     * its lane (the bus hands one room's messages over one at a time, so nothing overtakes); the rest goes to the
     * room's lane, in arrival order.
     */
    @Override
    public void deliverRemote(RoomMessage message) {
        RoomEvent event = (RoomEvent) message;
        boolean runsHooks = event instanceof RoomEvent.Chat ? sayHooksInstalled : memberDetailsReplaced;
        if (!runsHooks && lanes.isIdle(event.room())) {
            event.deliverTo(this);
        } else {
            lanes.execute(event.room(), () -> event.deliverTo(this));
        }
    }

    @Override
    public void chat(RoomEvent.Chat chat) {
        ChatMessage message = chat.message();
        Collection<Connection> recipients = localRooms.members(message.room());
        if (recipients.isEmpty()) {
            return;
        }
        RoomPosition position = chat.position();
        OutboundFrame shared = OutboundFrame.forRecipients(encoder.encode(message), recipients.size());
        OutboundFrame positioned = null; // made once, for the first recipient that asked for positions
        for (Connection recipient : recipients) {
            boolean withPosition = position != null && recipient.wantsPositions();
            if (!sayHooksInstalled) {
                if (withPosition && positioned == null) {
                    positioned = OutboundFrame.forRecipients(encoder.encode(message.at(position)), recipients.size());
                }
                send(recipient, message.room(), position, withPosition ? positioned : shared);
                continue;
            }
            ChatMessage forRecipient;
            try {
                forRecipient = hooks.say(recipient, message);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "say hook failed for " + recipient + "; message skipped for them", e);
                continue;
            }
            if (forRecipient == null) {
                continue;
            }
            if (withPosition) {
                send(recipient, message.room(), position, OutboundFrame.of(encoder.encode(forRecipient.at(position))));
            } else {
                send(recipient, message.room(), position,
                        forRecipient == message ? shared : OutboundFrame.of(encoder.encode(forRecipient)));
            }
        }
    }

    /** Sends a chat frame, unless the recipient is recovering the room: then it waits behind the missed ones. */
    private void send(Connection recipient, String room, RoomPosition position, OutboundFrame frame) {
        if (!recoveries.active() || !recoveries.hold(recipient, room, position, frame)) {
            recipient.send(frame);
        }
    }

    @Override
    public void presence(RoomEvent.PresenceChange change) {
        Collection<Connection> members = localRooms.members(change.room());
        OutboundFrame frame = OutboundFrame.forRecipients(encoder.encode(PresenceMessage.change(change.event(),
                change.room(), details.sanitize(change.member()))), members.size());
        synchronized (localRooms.presenceLock(change.room())) {
            for (Connection member : members) {
                if (!member.id().equals(change.member().id())) {
                    member.send(frame);
                }
            }
        }
    }
}
