package io.huddle.chat;

import io.huddle.concurrency.KeyedLanes;
import io.huddle.concurrency.ManagedThreadPool;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The threads that deliver other nodes' room messages which run application hooks ({@link SayHook},
 * {@link MemberDetails}), so a slow hook never holds up the cluster bus's thread, which carries this node's Redis
 * traffic. Each room's deliveries keep their order on one lane.
 */
@ApplicationScoped
public class DeliveryExecutor extends ManagedThreadPool {

    static final int THREADS = 8;

    public DeliveryExecutor() {
        super(THREADS, false); // an undeploy lets queued deliveries finish
    }

    /** Lanes keyed by room. */
    KeyedLanes<String> newLanes() {
        return new KeyedLanes<>(executor());
    }
}
