package io.huddle.chat;

import io.huddle.cluster.RoomSettings;
import io.huddle.config.ChatSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** The settings a room gets when created: {@code huddle.chat.rooms.<room>.*} if set, else the global ones. */
@ApplicationScoped
public class RoomDefaults {

    @Inject
    ChatSettings chat;

    /** The presence settings for a new room named {@code room}. */
    public RoomSettings of(String room) {
        ChatSettings.RoomDefaults defaults = chat.defaultsFor(room);
        return new RoomSettings(defaults.presence(), defaults.perUser());
    }
}
