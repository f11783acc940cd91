package io.huddle.action.builtin;

import io.huddle.action.Action;
import io.huddle.action.ActionContext;
import io.huddle.action.ActionDefinition;
import io.huddle.action.Formatters;
import io.huddle.action.Input;
import io.huddle.action.InputRejected;
import io.huddle.chat.RoomManager;
import io.huddle.config.RoomLimitSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Map;

/**
 * {@code listRooms}: the names of the rooms in the cluster, sorted; the demo page's room list. At most
 * {@code huddle.chat.listRoomsLimit} names (or the {@code limit} asked for, if fewer), read without reading every
 * room; when there are more, the answer also says {@code total} and {@code truncated: true}. An answer with every
 * room has ActionHero's shape, {@code rooms} alone.
 */
@ApplicationScoped
public class ListRoomsAction implements Action {

    @Inject
    RoomManager rooms;

    @Inject
    RoomLimitSettings limits;

    @Override
    public ActionDefinition definition() {
        return ActionDefinition.named("listRooms")
                .withDescription("Lists the chat rooms: at most limit names (and at most "
                        + limits.listRoomsLimit() + "); with total and truncated when there are more")
                .withInputs(Input.named("limit").withFormatter(Formatters.toLong()).withValidator(ListRoomsAction::positive)
                        .withDescription("how many names at most (at most " + limits.listRoomsLimit() + ")"))
                .withOutputExample(Map.of("rooms", List.of("defaultRoom")));
    }

    private static boolean positive(Object limit) {
        if ((Long) limit < 1) {
            throw InputRejected.mustBe("a whole number of at least 1");
        }
        return true;
    }

    @Override
    public void run(ActionContext action) {
        Long asked = action.param("limit", Long.class);
        int limit = asked == null ? limits.listRoomsLimit() : (int) Math.min(asked, limits.listRoomsLimit());
        List<String> names = rooms.list(limit);
        action.response().put("rooms", names);
        int total = rooms.count();
        if (total > names.size()) {
            action.response().put("total", total);
            action.response().put("truncated", true);
        }
    }
}
