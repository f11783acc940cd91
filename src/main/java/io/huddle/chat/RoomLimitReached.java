package io.huddle.chat;

import io.huddle.connection.ErrorMessages;
import io.huddle.connection.ServerRefusal;

/**
 * A room a client asked for was not created: the cluster holds {@code huddle.chat.maxRooms} rooms. The server's
 * state, not this client's fault (it may have created none of them), and it passes as idle rooms expire: a 503.
 */
public class RoomLimitReached extends ServerRefusal {

    public RoomLimitReached(int maxRooms) {
        super(ErrorMessages.roomLimitReached(maxRooms));
    }
}
