package io.huddle.action.builtin;

import io.huddle.action.Action;
import io.huddle.action.ActionContext;
import io.huddle.action.ActionDefinition;
import io.huddle.action.Input;
import io.huddle.chat.RoomLimitReached;
import io.huddle.chat.RoomManager;
import io.huddle.limits.Refusals;
import io.huddle.connection.ClientError;
import io.huddle.connection.ErrorMessages;
import io.huddle.limits.Limit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Map;

/**
 * {@code createChatRoom}, as in a generated ActionHero app: creates a room if it does not exist, at most at the
 * {@code huddle.limits.roomCreate} rate per connection. Rooms made this way are bounded ({@code huddle.chat.maxRooms}
 * in the cluster) and removed after {@code huddle.chat.idleRoomTimeout} empty, so anonymous pages can make rooms
 * (the demo does) without filling the server. Guard it with an action middleware if not everyone may create rooms.
 */
@ApplicationScoped
public class CreateChatRoomAction implements Action {

    /** The limit's name in {@code status.refusals}. */
    static final String LIMIT = "maxRooms";

    @Inject
    RoomManager rooms;

    @Inject
    Refusals refusals;

    @Override
    public ActionDefinition definition() {
        return ActionDefinition.named("createChatRoom")
                .withDescription("Creates a chat room; didCreate is false if it already existed. Removed once"
                        + " empty for huddle.chat.idleRoomTimeout")
                .withInputs(Input.named("name").required().withDescription("the room name"))
                .withOutputExample(Map.of("name", "lobby", "didCreate", true));
    }

    @Override
    public void run(ActionContext action) {
        // per connection (or /api client): a script cannot create rooms as fast as its socket allows
        action.connection().limits().take(Limit.ROOM_CREATE);
        String name = String.valueOf(action.param("name"));
        boolean created;
        try {
            created = rooms.addExpiring(name);
        } catch (RoomLimitReached e) {
            refusals.refused(LIMIT, action.connection().fingerprint(), () -> "createChatRoom " + name + ": "
                    + e.getMessage());
            throw e;
        }
        action.response().put("name", name);
        action.response().put("didCreate", created);
    }
}
