package io.huddle.chat;

import io.huddle.cluster.ClusterBus;
import io.huddle.connection.ClientError;
import io.huddle.connection.Connection;
import io.huddle.connection.ErrorMessages;
import io.huddle.connection.FrameEncoder;
import io.huddle.connection.Jsonp;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;

/**
 * Chat messages into a room: a client's {@code say} or a server broadcast. The say-receive hooks run here, once,
 * on the sender's node; the message as they left it goes to every node with members, where {@link RoomFanout}
 * delivers it.
 */
@ApplicationScoped
public class RoomChat {

    @Inject
    ChatHooks hooks;

    @Inject
    ClusterBus bus;

    @Inject
    FrameEncoder encoder;

    /** {@code say}: only members may. */
    public void say(Connection sender, String room, String message) {
        if (room == null || room.isEmpty() || message == null || message.isEmpty()) {
            throw new ClientError(ErrorMessages.ROOM_AND_MESSAGE_REQUIRED);
        }
        if (!sender.isIn(room)) {
            throw new ClientError(ErrorMessages.notInRoom(room));
        }
        publish(sender, new ChatMessage(Jsonp.string(message), room, sender.id(), System.currentTimeMillis()));
    }

    /** A server message to everyone in the room, from {@code "0"}; {@code message} may be any JSON-B value. */
    public void broadcast(String room, Object message) {
        if (room == null || room.isEmpty() || message == null) {
            throw new ClientError(ErrorMessages.ROOM_AND_MESSAGE_REQUIRED);
        }
        JsonValue json = message instanceof JsonValue value ? value
                : encoder.jsonb().fromJson(encoder.jsonb().toJson(message), JsonValue.class);
        publish(null, new ChatMessage(json, room, ChatMessage.SERVER, System.currentTimeMillis()));
    }

    private void publish(Connection sender, ChatMessage message) {
        ChatMessage received = Hooks.run(() -> hooks.onSayReceive(sender, message));
        if (received == null) {
            return; // dropped by middleware: the sender still gets OK, as in ActionHero
        }
        bus.publish(new RoomEvent.Chat(received, bus.nodeId()));
    }
}
