package io.huddle.cluster;

import java.util.Optional;

/** Which node holds a connection, cluster-wide, so commands for it can be routed there. */
public interface ConnectionDirectory {

    void register(String connectionId);

    void unregister(String connectionId);

    /** The node holding the connection, if it is known and alive. */
    Optional<String> nodeOf(String connectionId);
}
