package io.huddle.cluster;

import io.huddle.connection.ErrorMessages;
import io.huddle.connection.ServerRefusal;

/** The shared store or bus could not be reached in time; the operation did not happen. */
public class ClusterUnavailable extends ServerRefusal {

    public ClusterUnavailable(String operation) {
        super(ErrorMessages.clusterUnavailable(operation));
    }
}
