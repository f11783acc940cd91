package io.huddle.websocket.container;

import io.huddle.connection.CloseStatus;
import io.huddle.connection.FrameTransport;
import io.huddle.connection.OutboundFrame;
import jakarta.websocket.Session;

/**
 * Payara's Tyrus (2.1.5.payara-p2 on Payara Micro 6.2025.10, behind Grizzly 4.0.2) never tells the endpoint that a
 * socket closed when the client went away without a close frame (a dropped network, a killed process, a client that
 * aborts): Grizzly closes the TCP connection but calls neither the upgrade handler's {@code onAllDataRead}/{@code
 * onError} nor its {@code destroy}, so {@code TyrusHttpUpgradeHandler} never closes the Tyrus connection (the
 * upstream report: eclipse-ee4j/tyrus#352, "Endpoint.onClose not called"). And when Huddle then closes that socket
 * (the heartbeat's missed-pong close), Tyrus writes its close frame to the dead connection, the write never
 * completes, and {@code onClose} never comes either. Observed: a raw upgrade closed at once stayed registered and
 * counted against its address's connection cap for minutes, the heartbeat closing it again every interval.
 *
 * <p>So on Tyrus, a close Huddle makes ends the connection on Huddle's side right after the close is handed to
 * Tyrus: {@code ended} runs the endpoint's close path (which runs once, whoever calls it first), so the connection
 * leaves its rooms and frees its place in {@code ConnectionQuota} at the latest one missed heartbeat after its
 * client vanished. One instance per connection, unlike other transports: it holds that connection's {@code ended}.
 * Delete it the day Payara's Tyrus reports the close of a vanished client.
 */
final class TyrusCloseReport implements FrameTransport<Session> {

    private final FrameTransport<Session> transport;
    private final Runnable ended;

    TyrusCloseReport(FrameTransport<Session> transport, Runnable ended) {
        this.transport = transport;
        this.ended = ended;
    }

    @Override
    public void send(Session session, OutboundFrame frame, Completion done) {
        transport.send(session, frame, done);
    }

    @Override
    public void close(Session session, CloseStatus status) {
        try {
            transport.close(session, status);
        } finally {
            ended.run();
        }
    }
}
