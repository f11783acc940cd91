package io.huddle.chat;

import io.huddle.cluster.RoomCodec;
import io.huddle.cluster.RoomMessage;
import io.huddle.connection.FrameEncoder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Writes {@link RoomEvent}s as JSON-B text for other nodes, and reads them back. */
@ApplicationScoped
public class RoomEventCodec implements RoomCodec {

    @Inject
    FrameEncoder encoder;

    /**
     * A room event on the wire: the one field set names its kind. Named fields rather than JSON-B polymorphism:
     * Yasson 3.0 cannot read a string {@code JsonValue} (a chat message) inside a polymorphic type.
     */
    public record Wire(RoomEvent.Chat chat, RoomEvent.PresenceChange presence) {

        static Wire of(RoomEvent event) {
            Wire wire = new Wire(event instanceof RoomEvent.Chat chat ? chat : null,
                    event instanceof RoomEvent.PresenceChange change ? change : null);
            wire.event(); // a kind without a field here would cross as nothing
            return wire;
        }

        RoomEvent event() {
            if (chat != null) {
                return chat;
            }
            if (presence != null) {
                return presence;
            }
            throw new IllegalArgumentException("a room event of no known kind");
        }
    }

    @Override
    public String write(RoomMessage message) {
        // the chat layer publishes nothing but RoomEvents
        return encoder.jsonb().toJson(Wire.of((RoomEvent) message));
    }

    @Override
    public RoomEvent read(String text) {
        return encoder.jsonb().fromJson(text, Wire.class).event();
    }
}
