package io.huddle.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** With {@code huddle.websocket.clientJsName} set empty, as ActionHero with it unset, no client file is served. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ClientLibraryTurnedOffIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.huddle(Map.of("huddle.websocket.clientJsName", ""));
    }

    @ArquillianResource
    URL deployed;

    @Test
    void anEmptyClientJsNameServesNoClient() throws Exception {
        HttpClient http = TestHttp.client();
        for (String path : new String[]{"public/javascript/ActionheroWebsocketClient.js",
                "javascript/ActionheroWebsocketClient.js", "javascript/ActionheroWebsocketClient.min.js"}) {
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(
                    Deployments.loopback(deployed).toURI().resolve(path)).build(), HttpResponse.BodyHandlers.discarding());
            assertEquals(404, response.statusCode(), path);
        }
    }
}
