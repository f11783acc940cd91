package io.huddle.action.builtin;

import io.huddle.action.Action;
import io.huddle.action.ActionContext;
import io.huddle.action.ActionDefinition;
import io.huddle.action.Input;
import io.huddle.chat.RoomManager;
import io.huddle.connection.ClientError;
import io.huddle.connection.ErrorMessages;
import io.huddle.limits.Limit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Map;

/**
 * {@code createChatRoom}, as in a generated ActionHero app: creates a room if it does not exist, at most at the
 * {@code huddle.limits.roomCreate} rate per connection. Guard it with an action middleware if not everyone may
 * create rooms.
 */
@ApplicationScoped
public class CreateChatRoomAction implements Action {

    @Inject
    RoomManager rooms;

    @Override
    public ActionDefinition definition() {
        return ActionDefinition.named("createChatRoom")
                .withDescription("Creates a chat room; didCreate is false if it already existed")
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
            rooms.add(name);
            created = true;
        } catch (ClientError e) {
            if (!ErrorMessages.ROOM_EXISTS.equals(e.getMessage())) {
                throw e;
            }
            created = false;
        }
        action.response().put("name", name);
        action.response().put("didCreate", created);
    }
}
