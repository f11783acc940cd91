package io.huddle.cluster;

import java.util.Map;

/**
 * One connection's membership of one room, as stored cluster-wide: who, since when, on which node, for which user,
 * with the metadata application code gave it (e.g. a display name).
 */
public record Member(String id, long joinedAt, String node, String user, Map<String, Object> metadata) {

    public Member {
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    }
}
