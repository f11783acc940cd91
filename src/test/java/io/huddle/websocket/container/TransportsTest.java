package io.huddle.websocket.container;

import io.huddle.connection.CloseStatus;
import io.huddle.connection.FrameTransport;
import io.huddle.connection.OutboundFrame;
import jakarta.websocket.CloseReason;
import jakarta.websocket.SendHandler;
import jakarta.websocket.SendResult;
import jakarta.websocket.Session;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

/** The transports: the standard one, Payara's class-loader swap, Undertow's fallback. */
class TransportsTest {

    /** Records what reaches it and under which context class loader. */
    static final class RecordingTransport implements FrameTransport<Session> {
        final List<OutboundFrame> sent = new ArrayList<>();
        final List<CloseStatus> closed = new ArrayList<>();
        ClassLoader sendLoader;

        @Override
        public void send(Session session, OutboundFrame frame, Completion done) {
            sendLoader = Thread.currentThread().getContextClassLoader();
            sent.add(frame);
            done.sent(null);
        }

        @Override
        public void close(Session session, CloseStatus status) {
            closed.add(status);
        }
    }

    @Test
    void theStandardTransportSendsTheTextAndReportsTheContainersResult() {
        Map<String, SendHandler> sends = new HashMap<>();
        AtomicReference<Throwable> outcome = new AtomicReference<>(new Throwable("not reported"));
        StandardTransport.INSTANCE.send(FakeSessions.sendingTo(sends), OutboundFrame.of("{\"a\":1}"), outcome::set);
        sends.get("{\"a\":1}").onResult(new SendResult());
        assertNull(outcome.get());

        IOException broken = new IOException("broken pipe");
        StandardTransport.INSTANCE.send(FakeSessions.sendingTo(sends), OutboundFrame.of("x"), outcome::set);
        sends.get("x").onResult(new SendResult(broken));
        assertSame(broken, outcome.get());
    }

    @Test
    void theStandardTransportClosesWithTheSameCodeAndReason() {
        List<CloseReason> closes = new ArrayList<>();
        StandardTransport.INSTANCE.close(FakeSessions.closingInto(closes),
                new CloseStatus(CloseStatus.VIOLATED_POLICY, "client too slow"));
        StandardTransport.INSTANCE.close(FakeSessions.closingInto(closes), new CloseStatus(4000, "missed heartbeat"));
        assertEquals(CloseReason.CloseCodes.VIOLATED_POLICY, closes.get(0).getCloseCode());
        assertEquals("client too slow", closes.get(0).getReasonPhrase());
        assertEquals(4000, closes.get(1).getCloseCode().getCode());
        assertEquals("missed heartbeat", closes.get(1).getReasonPhrase());
    }

    @Test
    void payarasFallbackSendsUnderThePlatformLoaderAndPutsTheCallersBack() {
        RecordingTransport standard = new RecordingTransport();
        ClassLoader callers = new ClassLoader(getClass().getClassLoader()) { };
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        thread.setContextClassLoader(callers);
        try {
            PlatformLoaderTransport.over(standard).send(null, OutboundFrame.of("x"), failure -> { });
            assertSame(ClassLoader.getPlatformClassLoader(), standard.sendLoader);
            assertSame(callers, thread.getContextClassLoader());
        } finally {
            thread.setContextClassLoader(before);
        }
    }

    @Test
    void undertowKeepsTheStandardTransportForSessionsWithoutItsApi() {
        UndertowSupport support = new UndertowSupport();
        assertSame(StandardTransport.INSTANCE, support.prepare(FakeSessions.withUserProperties(new HashMap<>())),
                "a session that is not Undertow's has no channel to write a shared buffer to");
    }

    @Test
    void closingThroughPayarasFallbackIsTheStandardClose() {
        RecordingTransport standard = new RecordingTransport();
        CloseStatus status = new CloseStatus(CloseStatus.GOING_AWAY, "server shutting down");
        PlatformLoaderTransport.over(standard).close(null, status);
        assertEquals(List.of(status), standard.closed);
    }
}
