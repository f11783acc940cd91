package io.huddle.chat;

import io.huddle.cluster.ClusterUnavailable;
import io.huddle.config.ChatSettings;
import io.huddle.connection.Refusal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.util.logging.Logger;

/** Creates the configured rooms at boot (ActionHero's {@code startingChatRooms}); existing ones are kept. */
@ApplicationScoped
public class StartingRooms {

    private static final Logger LOG = Logger.getLogger(StartingRooms.class.getName());

    @Inject
    ChatSettings chat;

    @Inject
    RoomManager rooms;

    void create(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        ensureCreated();
    }

    /** Creates each starting room that does not exist; also used after the shared store lost its data. */
    public void ensureCreated() {
        for (String room : chat.startingChatRooms()) {
            try {
                if (!rooms.exists(room)) {
                    rooms.add(room);
                    LOG.info(() -> "created starting room " + room);
                }
            } catch (ClusterUnavailable e) {
                LOG.warning(() -> "starting room " + room + " not created yet: " + e.getMessage());
            } catch (Refusal e) {
                LOG.fine(() -> "starting room " + room + ": " + e.getMessage());
            }
        }
    }
}
