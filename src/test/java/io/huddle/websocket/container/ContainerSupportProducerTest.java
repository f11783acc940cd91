package io.huddle.websocket.container;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/** The choice of container support by the class of the websocket implementation's default configurator. */
class ContainerSupportProducerTest {

    @Test
    void wildFlysUndertowContainerGetsUndertowSupportWith256SendsInFlight() {
        ContainerSupport support =
                ContainerSupportProducer.forImplementation("io.undertow.websockets.jsr.DefaultContainerConfigurator");
        assertInstanceOf(UndertowSupport.class, support);
        assertEquals(256, support.defaultConcurrentSends());
    }

    @Test
    void payarasTyrusContainerGetsTyrusSupportWithOneSendInFlight() {
        ContainerSupport support =
                ContainerSupportProducer.forImplementation("org.glassfish.tyrus.core.TyrusServerEndpointConfigurator");
        assertInstanceOf(TyrusSupport.class, support);
        assertEquals(1, support.defaultConcurrentSends());
    }

    @Test
    void anyOtherContainerOrNoneGetsThePortableSupport() {
        assertInstanceOf(PortableSupport.class,
                ContainerSupportProducer.forImplementation("org.apache.tomcat.websocket.server.DefaultServerEndpointConfigurator"));
        assertInstanceOf(PortableSupport.class, ContainerSupportProducer.forImplementation("none"));
        assertEquals(1, new PortableSupport().defaultConcurrentSends());
    }
}
