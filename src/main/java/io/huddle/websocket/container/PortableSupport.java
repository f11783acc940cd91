package io.huddle.websocket.container;

import io.huddle.connection.FrameTransport;
import jakarta.websocket.Session;

/** Any other container: the standard API only, one send in flight per connection, handshake in the user properties. */
final class PortableSupport implements ContainerSupport {

    @Override
    public String name() {
        return "portable";
    }

    @Override
    public int defaultConcurrentSends() {
        // the API does not promise more than one async send in flight per session
        return 1;
    }

    @Override
    public FrameTransport<Session> prepare(Session session) {
        return StandardTransport.INSTANCE;
    }
}
