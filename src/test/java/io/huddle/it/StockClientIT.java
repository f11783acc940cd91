package io.huddle.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The unmodified browser client of ActionHero 29.3.5 (built from npm by {@code src/test/stock-client}, byte for byte
 * what a stock app serves) in a page served by Huddle, in real Chromium: spec §10's promise that an existing front
 * end works against Huddle. Fails, never skips, when the stock client could not be built.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class StockClientIT {

    static final Path STOCK_DIR = Path.of(System.getProperty("stock.client.dir", "target/stock-client"));
    static final String STOCK_CLIENT_PATH = "test/stock/ActionheroWebsocketClient.js";

    @Deployment(testable = false)
    static WebArchive deployment() throws IOException {
        // the stock client has /primus compiled in: Huddle runs at the root, as an ActionHero app would
        return Deployments.huddle().addAsWebResource(stockClient().toFile(), STOCK_CLIENT_PATH);
    }

    @ArquillianResource
    URL deployed;

    private URL base;

    @BeforeEach
    void useLoopback() {
        base = Deployments.loopback(deployed);
    }

    @Test
    void theStockClientConnectsJoinsSaysAndHearsBothWays() throws Exception {
        String room = "defaultRoom";
        try (Browser first = Browser.open(); Browser second = Browser.open()) {
            Map<?, ?> alice = connectAndJoin(first, room);
            Map<?, ?> bob = connectAndJoin(second, room);
            assertEquals("Welcome to the huddle api", alice.get("welcome"));

            assertEquals("OK", say(first, room, "hello from the stock client"));
            assertEquals("OK", say(second, room, "and back"));
            for (Browser browser : List.of(first, second)) {
                browser.await(d -> heard(browser).containsAll(List.of(
                        Map.of("room", room, "from", alice.get("id"), "message", "hello from the stock client"),
                        Map.of("room", room, "from", bob.get("id"), "message", "and back"))));
            }
            // Huddle's presence pushes reach the stock client only as generic `message` events: its callbacks and
            // `say` events are untouched (the conversation above), and it saw bob join
            first.await(d -> ((List<?>) first.script("return window.presence;")).contains("join"));
            assertEquals(true, ((List<?>) first.script("return window.presence;")).contains("snapshot"));
            Map<?, ?> view = (Map<?, ?>) first.asyncScript("""
                    const done = arguments[arguments.length - 1];
                    window.client.roomView(arguments[0], reply => done(reply.data));
                    """, room);
            assertEquals(room, view.get("room"));
            Map<?, ?> members = (Map<?, ?>) view.get("members");
            assertEquals(true, members.containsKey(alice.get("id")) && members.containsKey(bob.get("id")),
                    String.valueOf(members));
        }
    }

    @Test
    void theStockClientGetsActionHerosErrorTexts() throws Exception {
        try (Browser browser = Browser.open()) {
            connectAndJoin(browser, "defaultRoom");
            Object error = browser.asyncScript("""
                    const done = arguments[arguments.length - 1];
                    window.client.roomAdd(arguments[0], reply => done(reply.error));
                    """, "no-such-room-" + UUID.randomUUID());
            assertEquals("Error: room does not exist", error);
        }
    }

    @Test
    void theStockClientCallsAnAction() throws Exception {
        try (Browser browser = Browser.open()) {
            connectAndJoin(browser, "defaultRoom");
            Map<?, ?> reply = (Map<?, ?>) browser.asyncScript("""
                    const done = arguments[arguments.length - 1];
                    window.client.action('echo', {payload: 'ping from the stock client'}, reply => done(reply));
                    """);
            assertNull(reply.get("error"), String.valueOf(reply));
            assertEquals("ping from the stock client", reply.get("payload"));
            assertEquals("response", reply.get("context"));
        }
    }

    /** The stock client as the build made it, or a failure that says why there is none. */
    private static Path stockClient() throws IOException {
        Path file = STOCK_DIR.resolve("ActionheroWebsocketClient.js");
        Path unavailable = STOCK_DIR.resolve("UNAVAILABLE.txt");
        if (Files.isRegularFile(file)) {
            return file;
        }
        throw new AssertionError(Files.isRegularFile(unavailable) ? Files.readString(unavailable).trim()
                : file + " is missing: the build makes it in pre-integration-test (mvn verify), with npm");
    }

    /** Loads the stock client into a blank page and connects it with stock calls; answers what the page saw. */
    private Map<?, ?> connectAndJoin(Browser browser, String room) throws Exception {
        browser.get(base.toURI().resolve(Deployments.BLANK_PAGE_PATH).toURL());
        browser.loadScript(base.toURI().resolve(STOCK_CLIENT_PATH).toString());
        Map<?, ?> result = (Map<?, ?>) browser.asyncScript("""
                const room = arguments[0], done = arguments[arguments.length - 1];
                const client = new ActionheroWebsocketClient();
                window.client = client;
                window.heard = [];
                window.presence = [];
                client.on('say', m => window.heard.push({room: m.room, from: m.from, message: m.message}));
                client.on('message', m => { if (m.context === 'presence') window.presence.push(m.event); });
                client.connect((error, details) => {
                    if (error) return done({failed: String(error)});
                    client.roomAdd(room, reply => done({id: client.id, state: client.state, rooms: client.rooms,
                        status: reply.status, welcome: client.welcomeMessage}));
                });
                """, room);
        assertEquals("connected", result.get("state"), String.valueOf(result));
        assertEquals("OK", result.get("status"), String.valueOf(result));
        assertEquals(List.of(room), result.get("rooms"));
        return result;
    }

    private static Object say(Browser browser, String room, String text) {
        return browser.asyncScript("""
                const done = arguments[arguments.length - 1];
                window.client.say(arguments[0], arguments[1], reply => done(reply.status));
                """, room, text);
    }

    private static List<?> heard(Browser browser) {
        return (List<?>) browser.script("return window.heard");
    }
}
