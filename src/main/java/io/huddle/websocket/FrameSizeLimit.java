package io.huddle.websocket;

import io.huddle.config.WebsocketSettings;
import io.huddle.connection.CloseStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.nio.charset.StandardCharsets;

/** The configured maximum inbound frame size ({@code huddle.websocket.server.maxLength}, in UTF-8 bytes). */
@ApplicationScoped
public class FrameSizeLimit {

    @Inject
    WebsocketSettings websocket;

    boolean exceeded(String frame) {
        int max = websocket.maxFrameBytes();
        if (frame.length() > max) {
            return true;
        }
        // a char is at most 3 UTF-8 bytes: only count when the frame could be over
        return (long) frame.length() * 3 > max && frame.getBytes(StandardCharsets.UTF_8).length > max;
    }

    CloseStatus tooBig() {
        return new CloseStatus(CloseStatus.TOO_BIG,
                "frame larger than " + websocket.maxFrameBytes() + " bytes");
    }
}
