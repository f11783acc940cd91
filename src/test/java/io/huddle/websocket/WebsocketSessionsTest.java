package io.huddle.websocket;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** How many sends a connection may have in flight: the setting, or the container's default for {@code auto}. */
class WebsocketSessionsTest {

    @Test
    void autoTakesTheContainersDefault() {
        assertEquals(256, WebsocketSessions.concurrentSends("auto", 256));
        assertEquals(256, WebsocketSessions.concurrentSends(" AUTO ", 256));
    }

    @Test
    void aNumberIsTakenAsItIs() {
        assertEquals(8, WebsocketSessions.concurrentSends("8", 256));
    }
}
