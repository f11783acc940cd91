package io.huddle.websocket.container;

import jakarta.websocket.Decoder;
import jakarta.websocket.Encoder;
import jakarta.websocket.Extension;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpointConfig;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How the handshake reaches {@code @OnOpen}: in the user properties, or on Undertow beside them. */
class HandshakeCarryingTest {

    /** What the handshake filter computes; any class does. */
    record Ticket(String id) {
    }

    /** An endpoint config with its own user properties (the API's builder needs a container on the class path). */
    abstract static class TestConfig implements ServerEndpointConfig {
        private final Map<String, Object> properties = new HashMap<>();

        @Override public Class<?> getEndpointClass() { return Object.class; }
        @Override public String getPath() { return "/primus"; }
        @Override public List<String> getSubprotocols() { return List.of(); }
        @Override public List<Extension> getExtensions() { return List.of(); }
        @Override public Configurator getConfigurator() { return null; }
        @Override public List<Class<? extends Encoder>> getEncoders() { return List.of(); }
        @Override public List<Class<? extends Decoder>> getDecoders() { return List.of(); }
        @Override public Map<String, Object> getUserProperties() { return properties; }
    }

    /** Stands for Undertow's per-connection config: a new instance per handshake. */
    static final class PerConnectionConfig extends TestConfig {
    }

    /** A config every connection shares. */
    static final class SharedConfig extends TestConfig {
    }

    @Test
    void undertowKeepsTheHandshakeOutOfThePerConnectionPropertiesAndHandsItOverOnce() {
        UndertowSupport undertow = new UndertowSupport(PerConnectionConfig.class.getName());
        PerConnectionConfig config = new PerConnectionConfig();
        Ticket ticket = new Ticket("c1");
        undertow.carry(config, ticket);
        assertTrue(config.getUserProperties().isEmpty(), "no hash table kept for the connection's life");

        Session session = FakeSessions.withUserProperties(new HashMap<>());
        assertSame(ticket, undertow.take(Ticket.class, config, session));
        assertNull(undertow.take(Ticket.class, config, session), "taken once: nothing stays behind");
    }

    @Test
    void undertowCarriesInTheUserPropertiesWhenTheConfigIsNotPerConnection() {
        UndertowSupport undertow = new UndertowSupport(PerConnectionConfig.class.getName());
        ServerEndpointConfig shared = new SharedConfig();
        Ticket ticket = new Ticket("c2");
        undertow.carry(shared, ticket);
        assertEquals(ticket, shared.getUserProperties().get(Ticket.class.getName()),
                "a config shared by every connection must never key one connection's handshake");
        assertSame(ticket, undertow.take(Ticket.class, shared, FakeSessions.withUserProperties(new HashMap<>())));
    }

    @Test
    void thePortableWayReadsTheSessionsCopyOfThePropertiesFirst() {
        ContainerSupport portable = new PortableSupport();
        PerConnectionConfig config = new PerConnectionConfig();
        portable.carry(config, new Ticket("in the config"));
        Map<String, Object> sessionCopy = new HashMap<>(Map.of(Ticket.class.getName(), new Ticket("in the session")));

        assertEquals(new Ticket("in the session"),
                portable.take(Ticket.class, config, FakeSessions.withUserProperties(sessionCopy)));
        assertEquals(new Ticket("in the config"),
                portable.take(Ticket.class, config, FakeSessions.withUserProperties(new HashMap<>())));
        assertNull(portable.take(Ticket.class, new PerConnectionConfig(),
                FakeSessions.withUserProperties(new HashMap<>())));
    }
}
