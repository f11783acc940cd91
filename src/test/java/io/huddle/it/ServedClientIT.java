package io.huddle.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URL;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The served client library used directly from a page, in real Chromium: the readable {@code .js} and the minified
 * {@code .min.js} go through the same conversation with the same outcome.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ServedClientIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.huddle();
    }

    @ArquillianResource
    URL deployed;

    private URL base;

    @BeforeEach
    void useLoopback() {
        base = Deployments.loopback(deployed);
    }

    @Test
    void theReadableClientConnectsJoinsSaysAndHears() throws Exception {
        converse("javascript/ActionheroWebsocketClient.js");
    }

    @Test
    void theMinifiedClientWorksTheSame() throws Exception {
        converse("public/javascript/ActionheroWebsocketClient.min.js");
    }

    @Test
    void anActionGoesOverTheWebsocketWhenConnectedAndOverHttpWhenNot() throws Exception {
        try (Browser browser = Browser.open()) {
            connectAndJoin(browser, "javascript/ActionheroWebsocketClient.js", "defaultRoom");
            Map<?, ?> overWebsocket = echo(browser, "over the websocket");
            assertEquals("over the websocket", overWebsocket.get("payload"));
            assertEquals("response", overWebsocket.get("context"), "a websocket reply");

            browser.script("window.client.disconnect()");
            Map<?, ?> overHttp = echo(browser, "over HTTP");
            assertEquals("over HTTP", overHttp.get("payload"));
            assertEquals(null, overHttp.get("context"), "an /api answer: " + overHttp);
            assertEquals("echo", ((Map<?, ?>) ((Map<?, ?>) overHttp.get("requesterInformation"))
                    .get("receivedParams")).get("action"));
        }
    }

    private static Map<?, ?> echo(Browser browser, String payload) {
        return (Map<?, ?>) browser.asyncScript("""
                const done = arguments[arguments.length - 1];
                window.client.action('echo', {payload: arguments[0]})
                    .then(reply => done(reply), error => done({failed: error.message}));
                """, payload);
    }

    /** Two pages with the given library: both join defaultRoom, each says something, both hear both. */
    private void converse(String library) throws Exception {
        String room = "defaultRoom";
        try (Browser first = Browser.open(); Browser second = Browser.open()) {
            String aliceId = connectAndJoin(first, library, room);
            String bobId = connectAndJoin(second, library, room);

            say(first, room, "from Alice via " + library);
            say(second, room, "from Bob via " + library);
            for (Browser browser : List.of(first, second)) {
                browser.await(d -> heard(browser).containsAll(List.of(
                        Map.of("room", room, "from", aliceId, "message", "from Alice via " + library),
                        Map.of("room", room, "from", bobId, "message", "from Bob via " + library))));
            }
            first.await(d -> memberIds(first, room).containsAll(List.of(aliceId, bobId)));
            assertEquals("room does not exist", first.asyncScript("""
                    const done = arguments[arguments.length - 1];
                    window.client.roomAdd('no-such-room-' + arguments[0]).then(
                        () => done('joined?'), error => done(error.message));
                    """, UUID.randomUUID().toString()));
        }
    }

    /** Loads the library into a blank page of the server, connects and joins; answers the connection id. */
    private String connectAndJoin(Browser browser, String library, String room) throws Exception {
        browser.get(base.toURI().resolve(Deployments.BLANK_PAGE_PATH).toURL());
        browser.loadScript(base.toURI().resolve(library).toString());
        Object outcome = browser.asyncScript("""
                const room = arguments[0], done = arguments[arguments.length - 1];
                const client = new ActionheroWebsocketClient();
                window.client = client;
                window.heard = [];
                client.on('say', m => window.heard.push({room: m.room, from: m.from, message: m.message}));
                client.connect()
                    .then(() => client.roomAdd(room))
                    .then(() => done({id: client.id, state: client.state, rooms: client.rooms}),
                          error => done({failed: error.message}));
                """, room);
        Map<?, ?> result = (Map<?, ?>) outcome;
        assertEquals("connected", result.get("state"), String.valueOf(result));
        assertEquals(List.of(room), result.get("rooms"));
        return (String) result.get("id");
    }

    private static void say(Browser browser, String room, String text) {
        Object reply = browser.asyncScript("""
                const done = arguments[arguments.length - 1];
                window.client.say(arguments[0], arguments[1]).then(r => done(r.status), e => done(e.message));
                """, room, text);
        assertEquals("OK", reply);
    }

    private static List<?> heard(Browser browser) {
        return (List<?>) browser.script("return window.heard");
    }

    private static List<?> memberIds(Browser browser, String room) {
        return (List<?>) browser.script("return window.client.members(arguments[0]).map(m => m.id)", room);
    }
}
