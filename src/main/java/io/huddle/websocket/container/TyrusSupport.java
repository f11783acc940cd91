package io.huddle.websocket.container;

import io.huddle.connection.FrameTransport;
import jakarta.websocket.Session;

/**
 * Payara Micro's Tyrus: each session's idle timer is tamed ({@link TyrusIdleTimer}); a session where that fails sends
 * under the JDK's class loader ({@link PlatformLoaderTransport}). One send in flight: Tyrus gained nothing measurable
 * from more (README, Performance, Payara Micro). Tyrus hands {@code modifyHandshake} a
 * per-connection copy of the user properties, so the handshake travels there. A socket whose client vanished
 * without a close frame is never reported closed by Tyrus on Payara, even once Huddle closes it
 * ({@link TyrusCloseReport}).
 */
final class TyrusSupport implements ContainerSupport {

    private final TyrusIdleTimer idleTimer = new TyrusIdleTimer(TyrusIdleTimer.SESSION_CLASS);
    private final FrameTransport<Session> platformLoader = PlatformLoaderTransport.over(StandardTransport.INSTANCE);

    @Override
    public String name() {
        return "Tyrus";
    }

    @Override
    public int defaultConcurrentSends() {
        return 1;
    }

    @Override
    public FrameTransport<Session> prepare(Session session) {
        return idleTimer.install(session) ? StandardTransport.INSTANCE : platformLoader;
    }

    @Override
    public FrameTransport<Session> reportingCloses(FrameTransport<Session> transport, Runnable ended) {
        return new TyrusCloseReport(transport, ended);
    }
}
