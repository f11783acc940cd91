package io.huddle.websocket;

import io.huddle.connection.FrameTransport;
import io.huddle.websocket.container.ContainerSupport;
import jakarta.websocket.Session;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** How many sends a connection may have in flight: the setting, or the container's default for {@code auto}. */
class WebsocketSessionsTest {

    /** A container whose default is 256, like Undertow's. */
    private final ContainerSupport container = new ContainerSupport() {
        @Override
        public String name() {
            return "test";
        }

        @Override
        public int defaultConcurrentSends() {
            return 256;
        }

        @Override
        public FrameTransport<Session> prepare(Session session) {
            throw new UnsupportedOperationException();
        }
    };

    @Test
    void autoTakesTheContainersDefault() {
        assertEquals(256, WebsocketSessions.concurrentSends("auto", container));
        assertEquals(256, WebsocketSessions.concurrentSends(" AUTO ", container));
    }

    @Test
    void aNumberIsTakenAsItIs() {
        assertEquals(8, WebsocketSessions.concurrentSends("8", container));
    }
}
