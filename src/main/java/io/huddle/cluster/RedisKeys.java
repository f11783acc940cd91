package io.huddle.cluster;

/**
 * The names Huddle uses in Redis, all under one prefix so several deployments can share a Redis. A room's keys
 * share a hash tag, so its scripts stay on one slot in Redis Cluster.
 */
final class RedisKeys {

    private final String prefix;

    RedisKeys(String prefix) {
        this.prefix = prefix;
    }

    /** Hash: room name → settings JSON. */
    String rooms() {
        return prefix + ":rooms";
    }

    /** Sorted set: expiring room → when its idle clock started (ms); see {@link RoomStore#claimIdle}. */
    String idleRooms() {
        return prefix + ":idleRooms";
    }

    /** Hash: connection id → member JSON. */
    String members(String room) {
        return prefix + ":room:{" + room + "}:members";
    }

    /** Hash: user → number of that user's connections in the room. */
    String users(String room) {
        return prefix + ":room:{" + room + "}:users";
    }

    /** Stream of a room's kept messages (see {@link RedisRoomHistory}). */
    String history(String room) {
        return prefix + ":room:{" + room + "}:history";
    }

    /** String: the epoch of a room's history. */
    String historyEpoch(String room) {
        return prefix + ":room:{" + room + "}:epoch";
    }

    /** Channel of a room's messages. */
    String roomChannel(String room) {
        return prefix + ":room:{" + room + "}:channel";
    }

    /** Channel of commands for one node. */
    String nodeChannel(String node) {
        return prefix + ":node:{" + node + "}:channel";
    }

    /** Channel of one of a node's pub/sub probes; the tag picks its hash slot (see {@link PubSubProbe}). */
    String probeChannel(String tag) {
        return prefix + ":probe:{" + tag + "}:channel";
    }

    /** String with a TTL: the node is alive while it exists. */
    String nodeHeartbeat(String node) {
        return prefix + ":node:{" + node + "}:alive";
    }

    /** Set of "room NUL connection id" for the node's members: what to clean up if it dies. */
    String nodeMemberships(String node) {
        return prefix + ":node:{" + node + "}:memberships";
    }

    /** Set of the node's connection ids. */
    String nodeConnections(String node) {
        return prefix + ":node:{" + node + "}:connections";
    }

    /** Set of known node ids. */
    String nodes() {
        return prefix + ":nodes";
    }

    /** Hash: connection id → node id. */
    String connections() {
        return prefix + ":connections";
    }

    /** String: the secret that signs fingerprints, when no node was given one (set once, by whichever node is first). */
    String fingerprintSecret() {
        return prefix + ":fingerprintSecret";
    }

    /** Hash: node instance → its open connections with the fingerprint (see {@link RedisFingerprintConnections}). */
    String fingerprintConnections(String fingerprint) {
        return prefix + ":fingerprint:{" + fingerprint + "}:connections";
    }

    /** Lock taken by the survivor that cleans up after a dead node. */
    String cleanupLock(String node) {
        return prefix + ":node:{" + node + "}:cleanup";
    }
}
