package io.huddle.chat;

import io.huddle.config.ChatSettings;
import io.huddle.connection.ClientError;
import io.huddle.connection.ErrorMessages;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * What a room name may be: non-empty, at most {@code huddle.chat.maxRoomNameLength} characters, no control
 * characters (they break logs and key names). ActionHero accepts anything; a name is also a Redis key here.
 */
@ApplicationScoped
public class RoomNames {

    @Inject
    ChatSettings chat;

    /** Throws a {@link ClientError} saying what is wrong with {@code room}. */
    public void check(String room) {
        if (room == null || room.isEmpty()) {
            throw new ClientError(ErrorMessages.ROOM_REQUIRED);
        }
        if (room.length() > chat.maxRoomNameLength()) {
            throw new ClientError(ErrorMessages.roomNameTooLong(chat.maxRoomNameLength()));
        }
        for (int i = 0; i < room.length(); i++) {
            if (Character.isISOControl(room.charAt(i))) {
                throw new ClientError(ErrorMessages.ROOM_NAME_CONTROL_CHARACTERS);
            }
        }
    }
}
