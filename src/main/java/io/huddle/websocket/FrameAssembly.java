package io.huddle.websocket;

/**
 * Joins the parts of one inbound text frame as the container reads them, and gives up as soon as the parts pass
 * the frame limit: a client that announces a 10 MiB frame costs the server at most the limit plus one read buffer,
 * not the whole frame. Undertow hands a partial handler each read buffer; Tyrus each frame of a fragmented message
 * (it buffers a single frame itself, up to its {@code incoming-buffer-size}, set in {@code WEB-INF/web.xml}).
 * One instance per connection, called by the container one part at a time.
 */
final class FrameAssembly {

    /** What a part completed: nothing yet, a whole text frame, the end of a binary frame, or a frame over the limit. */
    sealed interface Outcome permits Pending, Complete, BinaryEnded, TooBig { }

    record Pending() implements Outcome { }

    record Complete(String frame) implements Outcome { }

    /** A whole binary frame arrived (within the limit); its bytes were counted, not kept. */
    record BinaryEnded() implements Outcome { }

    record TooBig() implements Outcome { }

    private static final Pending PENDING = new Pending();
    private static final TooBig TOO_BIG = new TooBig();
    private static final BinaryEnded BINARY_ENDED = new BinaryEnded();

    private final int maxChars;
    private StringBuilder parts;
    private boolean refused;
    private long binaryBytes;

    /** @param maxChars the frame limit in bytes: a frame of more chars than that has more bytes too */
    FrameAssembly(int maxChars) {
        this.maxChars = maxChars;
    }

    Outcome add(String part, boolean last) {
        if (refused) {
            return PENDING; // the connection is being closed; the rest of the frame is not worth keeping
        }
        if (parts == null && last) {
            return new Complete(part); // the common case: a frame in one read, no copy
        }
        if (parts == null) {
            parts = new StringBuilder(Math.min(maxChars, Math.max(16, part.length() * 2)));
        }
        if (parts.length() + part.length() > maxChars) {
            parts = null;
            refused = true;
            return TOO_BIG;
        }
        parts.append(part);
        if (!last) {
            return PENDING;
        }
        String frame = parts.toString();
        parts = null;
        return new Complete(frame);
    }

    /** Counts a part of a binary frame, which is never kept: ended (to be refused) at its end, or too big. */
    Outcome addBinary(int bytes, boolean last) {
        if (refused) {
            return PENDING;
        }
        binaryBytes += bytes;
        if (binaryBytes > maxChars) {
            refused = true;
            return TOO_BIG;
        }
        if (!last) {
            return PENDING;
        }
        binaryBytes = 0;
        return BINARY_ENDED;
    }
}
