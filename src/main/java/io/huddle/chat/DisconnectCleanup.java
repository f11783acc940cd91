package io.huddle.chat;

import io.huddle.connection.Connection;
import io.huddle.connection.ConnectionClosed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.util.logging.Level;
import java.util.logging.Logger;

/** A connection that goes away leaves every room it was in; one failing room never keeps it in the others. */
@ApplicationScoped
public class DisconnectCleanup {

    private static final Logger LOG = Logger.getLogger(DisconnectCleanup.class.getName());

    @Inject
    Membership membership;

    void leaveAll(@Observes ConnectionClosed closed) {
        Connection connection = closed.connection();
        for (String room : connection.rooms()) {
            try {
                membership.evict(connection, room);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "could not remove " + connection + " from " + room, e);
            }
        }
    }
}
