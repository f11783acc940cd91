package io.huddle.cluster;

import jakarta.json.JsonValue;

/**
 * An order for the node holding a connection: join or leave a room (a leave that hooks may refuse, or an eviction
 * from a destroyed room that they cannot, announced beforehand), or push a message. Answered with
 * a {@link NodeCommandResult}.
 *
 * @param kind         {@link #ADD_MEMBER}, {@link #REMOVE_MEMBER}, {@link #EVICT} or {@link #SEND}
 * @param connectionId the target connection
 * @param room         for add/remove
 * @param message      for send: the JSON object to push
 */
public record NodeCommand(String kind, String connectionId, String room, JsonValue message) {

    public static final String ADD_MEMBER = "addMember";
    public static final String REMOVE_MEMBER = "removeMember";
    public static final String EVICT = "evict";
    public static final String SEND = "send";
}
