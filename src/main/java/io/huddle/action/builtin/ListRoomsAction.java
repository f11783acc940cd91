package io.huddle.action.builtin;

import io.huddle.action.Action;
import io.huddle.action.ActionContext;
import io.huddle.action.ActionDefinition;
import io.huddle.chat.RoomManager;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Map;

/** {@code listRooms}: the names of every room in the cluster, sorted; the demo page's room list. */
@ApplicationScoped
public class ListRoomsAction implements Action {

    @Inject
    RoomManager rooms;

    @Override
    public ActionDefinition definition() {
        return ActionDefinition.named("listRooms")
                .withDescription("Lists the chat rooms")
                .withOutputExample(Map.of("rooms", List.of("defaultRoom")));
    }

    @Override
    public void run(ActionContext action) {
        action.response().put("rooms", rooms.list());
    }
}
