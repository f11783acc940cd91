package io.huddle.connection;

/**
 * How an {@link Outbox} hands text frames to the container and closes the socket, for sockets of type {@code S}
 * (the container's session). One instance serves every connection of its kind, so it holds no per-connection state;
 * the outbox keeps the socket beside it.
 *
 * <p>The contract: {@link #send} does not block and does not throw; it calls {@code done} exactly once, on any thread
 * (possibly before it returns), when the container has written the frame or failed to. {@link #close} does not
 * throw either: a socket that is already closed stays closed.
 */
public interface FrameTransport<S> {

    void send(S socket, OutboundFrame frame, Completion done);

    void close(S socket, CloseStatus status);

    /** Told once when a frame was written ({@code failure} null) or could not be. */
    @FunctionalInterface
    interface Completion {

        void sent(Throwable failure);
    }
}
