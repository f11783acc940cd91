package io.huddle.cluster;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelPipeline;
import org.redisson.client.NettyHook;
import org.redisson.client.handler.CommandPubSubDecoder;
import org.redisson.client.handler.PingConnectionHandler;

/**
 * Keeps Redisson's connection PING off pub/sub connections (command connections keep it), because on a pub/sub
 * connection that PING silently loses published messages.
 *
 * <p>The loss, in Redisson 4.7.0 (the newest this build can get): a pub/sub connection's decoder remembers the
 * PING it waits for. When the pong and then further messages arrive in one read that ends inside a message, the
 * decoder rewinds to its last complete message without forgetting the PING it just answered; on the next read it
 * takes the next whole frame for that PING's late reply and drops it. That frame is a room message no listener
 * hears of, with nothing logged and the subscription intact — #13's and #17's "a say a node's members never got".
 * Measured with one subscriber connection, 10 channels and 200,000 messages of 0–3 KB: pinged every 20 ms 579
 * were lost, every 5 s (Huddle's interval) 2; with this hook, 0 at 20 ms. {@code RedisPubSubDeliveryIT} holds it.
 *
 * <p>What the PING did for a pub/sub connection is covered otherwise: TCP keepalive closes one whose peer went away
 * ({@link RedissonSettings}), Redis closing it makes Redisson reconnect and resubscribe, and {@link PubSubProbe}
 * notices a subscription that went quiet.
 */
final class PubSubWithoutPing implements NettyHook {

    private final NettyHook next;

    /** Runs {@code next} (the configuration's own hook) after its own work. */
    PubSubWithoutPing(NettyHook next) {
        this.next = next;
    }

    @Override
    public void afterBoostrapInitialization(Bootstrap bootstrap) {
        next.afterBoostrapInitialization(bootstrap);
    }

    @Override
    public void afterChannelInitialization(Channel channel) {
        ChannelPipeline pipeline = channel.pipeline();
        // called before the channel connects, so the handler never sends its first PING
        if (pipeline.get(CommandPubSubDecoder.class) != null && pipeline.get(PingConnectionHandler.class) != null) {
            pipeline.remove(PingConnectionHandler.class);
        }
        next.afterChannelInitialization(channel);
    }
}
