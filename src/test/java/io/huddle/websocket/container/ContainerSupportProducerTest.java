package io.huddle.websocket.container;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/** The choice of container support by the class of the server's websocket container. */
class ContainerSupportProducerTest {

    @Test
    void wildFlysUndertowContainerGetsUndertowSupportWith256SendsInFlight() {
        ContainerSupport support =
                ContainerSupportProducer.forContainer("io.undertow.websockets.jsr.ServerWebSocketContainer");
        assertInstanceOf(UndertowSupport.class, support);
        assertEquals(256, support.defaultConcurrentSends());
    }

    @Test
    void payarasTyrusContainerGetsTyrusSupportWithOneSendInFlight() {
        ContainerSupport support =
                ContainerSupportProducer.forContainer("org.glassfish.tyrus.servlet.TyrusServletContainerInitializer$1");
        assertInstanceOf(TyrusSupport.class, support);
        assertEquals(1, support.defaultConcurrentSends());
    }

    @Test
    void anyOtherContainerOrNoneGetsThePortableSupport() {
        assertInstanceOf(PortableSupport.class,
                ContainerSupportProducer.forContainer("org.apache.tomcat.websocket.server.WsServerContainer"));
        assertInstanceOf(PortableSupport.class, ContainerSupportProducer.forContainer("none"));
        assertEquals(1, new PortableSupport().defaultConcurrentSends());
    }
}
