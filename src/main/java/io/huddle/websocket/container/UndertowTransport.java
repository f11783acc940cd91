package io.huddle.websocket.container;

import io.huddle.connection.CloseStatus;
import io.huddle.connection.FrameTransport;
import io.huddle.connection.OutboundFrame;
import io.undertow.websockets.core.WebSocketCallback;
import io.undertow.websockets.core.WebSocketChannel;
import io.undertow.websockets.core.WebSockets;
import jakarta.websocket.Session;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * WildFly's transport: a frame fanned out to many sockets is written from the one direct buffer its bytes were
 * encoded into ({@link OutboundFrame#directUtf8()}), through Undertow's own websocket API, which the standard
 * {@code sendText(String)} also ends in. The standard call encodes the text again for every socket into a heap
 * buffer, which the JDK then copies into a temporary direct buffer taken from a per-thread cache; once that cache
 * holds buffers smaller than the frame (the presence frames of a room's setup leave hundreds), every write scans it
 * end to end: 20-23% of the server's samples in the 1000-client fan-out benchmark. Frames for one connection take
 * the standard path. Loaded only on Undertow: only {@link UndertowSupport} references this class. Delete it the day
 * the standard {@code sendText(String)} on Undertow stops copying through the JDK's per-thread buffer cache, or once
 * Jakarta WebSocket can send one {@code ByteBuffer} as a text frame.
 */
final class UndertowTransport implements FrameTransport<Session> {

    private static final Logger LOG = Logger.getLogger(UndertowTransport.class.getName());

    /** Where frames for one connection go: the portable path, which ends in the same Undertow call. */
    private final FrameTransport<Session> standard;
    /** {@code UndertowSession.getWebSocketChannel()}, found on the session's class: its module is Undertow-private. */
    private final MethodHandle channelOf;

    private UndertowTransport(FrameTransport<Session> standard, MethodHandle channelOf) {
        this.standard = standard;
        this.channelOf = channelOf;
    }

    /**
     * The transport for sessions of this class, or empty if it is not Undertow's or its API is not visible.
     * {@code standard} takes the frames for one connection.
     */
    static Optional<FrameTransport<Session>> forSessionsLike(Session session, FrameTransport<Session> standard) {
        try {
            MethodHandle channelOf = MethodHandles.publicLookup()
                    .findVirtual(session.getClass(), "getWebSocketChannel", MethodType.methodType(WebSocketChannel.class))
                    .asType(MethodType.methodType(WebSocketChannel.class, Session.class));
            return Optional.of(new UndertowTransport(standard, channelOf));
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            LOG.log(Level.INFO, "Undertow's websocket API is not usable here ({0}); room messages are sent with the"
                    + " standard API, one copy per socket", e.toString());
            return Optional.empty();
        }
    }

    @Override
    public void send(Session session, OutboundFrame frame, Completion done) {
        if (!frame.shared()) {
            standard.send(session, frame, done);
            return;
        }
        try {
            WebSocketChannel channel = (WebSocketChannel) channelOf.invokeExact(session);
            WebSockets.sendText(frame.directUtf8(), channel, new UndertowCompletion(done));
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Throwable e) { // the contract: a failure goes to done (invokeExact declares Throwable)
            done.sent(e);
        }
    }

    @Override
    public void close(Session session, CloseStatus status) {
        standard.close(session, status);
    }

    /** Undertow's completion, reported the way the standard API does. */
    private record UndertowCompletion(Completion done) implements WebSocketCallback<Void> {

        @Override
        public void complete(WebSocketChannel channel, Void context) {
            done.sent(null);
        }

        @Override
        public void onError(WebSocketChannel channel, Void context, Throwable throwable) {
            done.sent(throwable);
        }
    }
}
