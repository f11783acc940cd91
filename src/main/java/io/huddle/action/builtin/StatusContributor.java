package io.huddle.action.builtin;

/**
 * Adds a feature's view of the node to the {@code status} action. Implement as a CDI bean; every contributor is
 * asked on each call, so keep it cheap and never block.
 *
 * <pre>{@code
 * @ApplicationScoped
 * class RoomStatus implements StatusContributor {
 *     public void contribute(StatusReport report) {
 *         report.put("rooms", roomManager.count());
 *         if (!store.reachable()) report.problem("Redis is unreachable");
 *     }
 * }
 * }</pre>
 */
public interface StatusContributor {

    void contribute(StatusReport report);
}
