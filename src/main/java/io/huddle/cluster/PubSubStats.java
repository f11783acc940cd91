package io.huddle.cluster;

/**
 * A node's Redis pub/sub as the {@code status} action reports it.
 *
 * @param sharded              whether rooms use sharded pub/sub (Redis Cluster)
 * @param subscribed           room channels Redis confirmed
 * @param pending              room channels not confirmed yet (retried on every heartbeat)
 * @param maxRooms             rooms with local members this node may serve ({@code huddle.redis.maxRoomsPerNode})
 * @param retried              subscriptions that failed or went unconfirmed and were made again, since boot
 * @param refused              joins refused because the node served {@code maxRooms} rooms, since boot
 * @param unconfirmed          joins refused because Redis did not confirm the room's subscription in time
 * @param resubscribedAll      times the probe found pub/sub quiet and every channel was subscribed again
 * @param localOnly            kept messages Redis certainly did not take: delivered to this node's members only,
 *                             without a position, and not kept
 * @param unanswered           kept messages whose script Redis did not answer: delivered everywhere (through the
 *                             channel) if it ran, nowhere if not, never twice
 */
public record PubSubStats(boolean sharded, int subscribed, int pending, int maxRooms, long retried, long refused,
                          long unconfirmed, long resubscribedAll, long localOnly, long unanswered) {
}
