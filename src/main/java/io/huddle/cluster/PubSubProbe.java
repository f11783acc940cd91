package io.huddle.cluster;

import org.redisson.connection.CRC16;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Notices pub/sub that went quiet while commands still work — the silent loss Centrifugo added such a probe for:
 * after a failover a subscription can sit on a node that no longer gets the channel's messages, and nothing fails.
 * Each heartbeat this node publishes to {@value #CHANNELS} channels of its own, whose hash tags spread over the
 * whole slot range (so on a Redis Cluster every primary's pub/sub connection carries one), and checks at the next
 * beats that each came back. A channel whose probe Redis took but which did not come back on two heartbeats in a
 * row (one can be lost in a failover) makes the node subscribe every channel again. A pub/sub connection whose peer
 * went away is closed by TCP keepalive and reconnected by Redisson ({@link RedissonSettings}).
 */
final class PubSubProbe {

    private static final Logger LOG = Logger.getLogger(PubSubProbe.class.getName());

    /** Probe channels per node: one per 1/16 of the 16,384 Redis Cluster slots. */
    static final int CHANNELS = 16;
    private static final int SLOTS = 16384;

    private final String nodeId;
    private final PubSubTopics topics;
    private final List<Channel> channels = new ArrayList<>();
    private long sequence;

    /** One probe channel: its subscription, the probe last sent on it, the last one heard back. */
    private static final class Channel {
        final String name;
        volatile CompletableFuture<Integer> subscription;
        volatile long sent;
        volatile long heard;
        volatile int lostInARow;

        Channel(String name) {
            this.name = name;
        }
    }

    PubSubProbe(RedisKeys keys, String nodeId, PubSubTopics topics) {
        this.nodeId = nodeId;
        this.topics = topics;
        for (int block = 0; block < CHANNELS; block++) {
            channels.add(new Channel(keys.probeChannel(tagInSlotBlock(nodeId, block))));
        }
    }

    /** The first of {@code node/0}, {@code node/1}, … whose hash slot lies in the block'th sixteenth of the slots. */
    private static String tagInSlotBlock(String node, int block) {
        for (int i = 0; ; i++) {
            String tag = node + "/" + i;
            int slot = CRC16.crc16(tag.getBytes(StandardCharsets.UTF_8)) % SLOTS;
            if (slot * CHANNELS / SLOTS == block) {
                return tag;
            }
        }
    }

    /**
     * Runs on each heartbeat that reached Redis: judges the probes of the last beat, then sends new ones. Returns
     * whether pub/sub went quiet (some probe sent on a confirmed subscription never came back).
     */
    boolean check() {
        boolean quiet = false;
        for (Channel channel : channels) {
            CompletableFuture<Integer> subscription = channel.subscription;
            if (subscription == null || subscription.isCompletedExceptionally()) {
                subscribe(channel);
                continue;
            }
            if (!subscription.isDone()) {
                continue;
            }
            // a probe published while Redis fails over can be lost once; twice in a row is a deaf subscription
            channel.lostInARow = channel.sent > channel.heard ? channel.lostInARow + 1 : 0;
            if (channel.lostInARow >= 2) {
                quiet = true;
                LOG.warning(() -> "pub/sub went quiet: two probes on " + channel.name + " did not come back"
                        + " although commands work; subscribing every channel again");
            }
        }
        if (quiet) {
            channels.forEach(this::resubscribe);
            return true;
        }
        long probe = ++sequence;
        for (Channel channel : channels) {
            CompletableFuture<Integer> subscription = channel.subscription;
            if (subscription != null && subscription.isDone() && !subscription.isCompletedExceptionally()) {
                publish(channel, probe);
            }
        }
        return false;
    }

    /** Counts the probe as sent once Redis took it: one that failed to publish says nothing about pub/sub. */
    private void publish(Channel channel, long probe) {
        try {
            topics.topic(channel.name).publishAsync(nodeId + " " + probe).whenComplete((receivers, error) -> {
                if (error == null) {
                    channel.sent = probe;
                }
            });
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "probe on " + channel.name + " not sent", e);
        }
    }

    private void subscribe(Channel channel) {
        channel.lostInARow = 0;
        channel.sent = 0;
        channel.heard = 0;
        channel.subscription = topics.listen(channel.name, (name, text) -> heard(channel, text));
    }

    /** Unsubscribes, and only then subscribes: added first, the listener would join the stale subscription. */
    private void resubscribe(Channel channel) {
        CompletableFuture<Integer> old = channel.subscription;
        if (old == null || !old.isDone() || old.isCompletedExceptionally()) {
            subscribe(channel);
            return;
        }
        channel.subscription = new CompletableFuture<>(); // not judged until subscribed again
        topics.unlisten(channel.name, old.join()).whenComplete((done, error) -> subscribe(channel));
    }

    private void heard(Channel channel, String text) {
        int space = text.lastIndexOf(' ');
        try {
            long probe = Long.parseLong(text.substring(space + 1));
            if (probe > channel.heard) {
                channel.heard = probe;
            }
        } catch (NumberFormatException e) {
            LOG.fine(() -> "ignored an unreadable probe on " + channel.name + ": " + text);
        }
    }
}
