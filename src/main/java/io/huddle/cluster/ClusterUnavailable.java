package io.huddle.cluster;

import io.huddle.connection.ClientError;

/** The shared store or bus could not be reached in time; the operation did not happen. */
public class ClusterUnavailable extends ClientError {

    public ClusterUnavailable(String operation) {
        super("cluster unavailable: could not " + operation + " (Redis unreachable), try again", 503);
    }
}
