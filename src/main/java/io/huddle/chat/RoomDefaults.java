package io.huddle.chat;

import io.huddle.cluster.RoomSettings;
import io.huddle.config.HuddleConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** The settings a room gets when created: {@code huddle.chat.rooms.<room>.*} if set, else the global ones. */
@ApplicationScoped
public class RoomDefaults {

    @Inject
    HuddleConfig config;

    /** The presence settings for a new room named {@code room}. */
    public RoomSettings of(String room) {
        boolean presenceOn = config.roomSetting(room, "presence").map(Boolean::parseBoolean)
                .orElse(config.presence());
        String view = config.roomSetting(room, "presenceView").orElse(config.presenceView());
        return new RoomSettings(presenceOn, "users".equalsIgnoreCase(view.trim()));
    }
}
