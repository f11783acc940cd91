package io.huddle.connection;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * One encoded text frame on its way to one connection or to many. A frame fanned out to a whole room is encoded
 * once and the same instance is queued on every recipient's outbox; a {@link FrameTransport} that writes buffers can
 * then take its UTF-8 bytes from {@link #directUtf8()}, made once for all recipients.
 */
public final class OutboundFrame {

    /**
     * Below this many recipients a frame is not worth a direct buffer of its own: allocating one (native memory and a
     * cleaner) costs about what a few per-socket heap copies do.
     */
    static final int DIRECT_BUFFER_MIN_RECIPIENTS = 8;

    private final String text;
    private final boolean shared;
    /** Made by the first transport that asks; a race makes two equal buffers, which is harmless. */
    private volatile ByteBuffer utf8;

    private OutboundFrame(String text, boolean shared) {
        this.text = text;
        this.shared = shared;
    }

    /** A frame for one connection. */
    public static OutboundFrame of(String text) {
        return new OutboundFrame(text, false);
    }

    /** A frame that is about to be queued on {@code recipients} connections. */
    public static OutboundFrame forRecipients(String text, int recipients) {
        return new OutboundFrame(text, recipients >= DIRECT_BUFFER_MIN_RECIPIENTS);
    }

    public String text() {
        return text;
    }

    /** What the outbox bound counts: characters, the same for every container. */
    public int length() {
        return text.length();
    }

    /** True if this frame goes to enough connections that its bytes should be encoded once, in direct memory. */
    public boolean shared() {
        return shared;
    }

    /**
     * A fresh read position over the frame's UTF-8 bytes in direct memory. A socket can be written straight from it:
     * the JDK copies a heap buffer into a temporary direct one on every write, and its per-thread cache of those
     * degrades to a linear scan when the sizes it holds do not fit (seen as a fifth of the server's CPU in fan-out).
     */
    public ByteBuffer directUtf8() {
        ByteBuffer bytes = utf8;
        if (bytes == null) {
            byte[] encoded = text.getBytes(StandardCharsets.UTF_8);
            bytes = ByteBuffer.allocateDirect(encoded.length).put(encoded).flip();
            utf8 = bytes;
        }
        return bytes.duplicate();
    }

    @Override
    public String toString() {
        return text;
    }
}
