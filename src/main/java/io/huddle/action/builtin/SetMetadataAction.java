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

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code setMetadata}: sets the calling connection's own public metadata (e.g. {@code {"displayName":"Ada"}}),
 * shown to the members of its rooms. There is no parameter naming a connection: a client can only change itself.
 */
@ApplicationScoped
public class SetMetadataAction implements Action {

    @Inject
    RoomManager rooms;

    @Override
    public ActionDefinition definition() {
        return ActionDefinition.named("setMetadata")
                .withDescription("Sets this connection's public metadata, shown in roomView and presence")
                .withInputs(Input.named("metadata").required().withDescription("a JSON object, e.g. a displayName"))
                .withOutputExample(Map.of("metadata", Map.of("displayName", "Ada")));
    }

    @Override
    public void run(ActionContext action) {
        if (!action.connection().canChat()) {
            throw new ClientError(ErrorMessages.METADATA_NEEDS_WEBSOCKET);
        }
        if (!(action.param("metadata") instanceof Map<?, ?> given)) {
            throw new ClientError(ErrorMessages.METADATA_NOT_OBJECT);
        }
        // each change is announced in every room of the connection
        action.connection().limits().take(Limit.METADATA);
        Map<String, Object> metadata = new LinkedHashMap<>();
        given.forEach((key, value) -> metadata.put(String.valueOf(key), value));
        rooms.setMetadata(action.connection().id(), metadata);
        action.response().put("metadata", metadata);
    }
}
