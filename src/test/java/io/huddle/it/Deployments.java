package io.huddle.it;

import io.huddle.config.HuddleDefaults;
import io.huddle.it.fixtures.ConnectionCutter;
import io.huddle.it.fixtures.FailingServlet;
import io.huddle.it.fixtures.JoinGuard;
import io.huddle.it.fixtures.LeaveGuard;
import io.huddle.it.fixtures.ModeratorFirst;
import io.huddle.it.fixtures.ModeratorSecond;
import io.huddle.it.fixtures.PerRecipient;
import io.huddle.it.fixtures.RoomFixture;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Builds what the integration tests deploy, the real WAR from {@code mvn package} in one of two shapes:
 * {@link #plain()}, the product as it ships (tests of the default paths), or {@link #huddle()}, with the fixtures
 * that change what it does (chat hooks, action middleware, the tests' own actions).
 */
public final class Deployments {

    /** Settings every integration test runs with: a fast heartbeat so heartbeat tests take seconds. */
    static final Map<String, String> TEST_SETTINGS = Map.ofEntries(
            Map.entry("huddle.websocket.server.pingInterval", "2000"),
            Map.entry("huddle.websocket.outbox.maxMessages", "500"),
            Map.entry("huddle.chat.maxRoomsPerConnection", "20"),
            Map.entry("huddle.general.id", "test-node"),
            // the tests' own HTTP clients stand in for a proxy on this host, in front of proxies on 10/8
            Map.entry("huddle.web.trustedProxies", "127.0.0.0/8, ::1, 10.0.0.0/8"),
            // per-room presence settings from configuration
            Map.entry("huddle.chat.rooms.quiet.presence", "false"),
            Map.entry("huddle.chat.rooms.byUser.presenceView", "users"));

    /** One byte over the default {@code huddle.general.maxFileBytes}. */
    static final int BIG_FILE_BYTES = 1024 * 1024 + 1;

    /** Where {@link #BLANK_PAGE} is served, relative to the deployment's URL. */
    public static final String BLANK_PAGE_PATH = "test/blank.html";

    private static final String BLANK_PAGE = "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
            + "<title>blank</title></head><body></body></html>";

    private Deployments() {
    }

    /**
     * The product as it ships: the real WAR with the test settings, no hooks, no action middleware and no actions of
     * the tests, so chat runs its production default (no say hook: one shared frame per room message). Only the
     * servlets through which tests drive the public API as an application would are added; they install nothing
     * into the chat or action path.
     */
    public static WebArchive plain() {
        return plain(Map.of());
    }

    /**
     * {@code settings} with the rate limits of {@code buckets} switched off (a rate of 0), for tests whose subject is
     * something else and that send faster than a person would (RateLimitsIT tests the limits themselves).
     */
    public static Map<String, String> ratesOff(Map<String, String> settings, String... buckets) {
        Map<String, String> all = new TreeMap<>(settings);
        for (String bucket : buckets) {
            all.put("huddle.limits." + bucket + ".rate", "0");
        }
        return all;
    }

    /** {@link #plain()} with {@code overrides} on top of the test settings. */
    public static WebArchive plain(Map<String, String> overrides) {
        return build("huddle.war", overrides);
    }

    /** The real WAR with the test settings, the application drivers and every fixture: hooks, middleware, actions. */
    public static WebArchive huddle() {
        return huddle(Map.of());
    }

    /** The deployment's URL on 127.0.0.1: Payara reports the host's interface address, WildFly the loopback. */
    public static URL loopback(URL deployed) {
        try {
            return new URL(deployed.getProtocol(), "127.0.0.1", deployed.getPort(), deployed.getFile());
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /**
     * As {@link #loopback(URL)}, at the context root the test deployed to: Payara Micro's Arquillian adapter takes the
     * URL's path from whichever servlet it lists first, and its own {@code microprofile-openapi-servlet} sits at the
     * root, so a deployment under a context root sometimes got the root's URL.
     */
    public static URL loopback(URL deployed, String contextRoot) {
        try {
            return new URL(deployed.getProtocol(), "127.0.0.1", deployed.getPort(), "/" + contextRoot + "/");
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /**
     * Where a deployment made with {@code Deployer} (so Arquillian cannot inject its URL) answers: WildFly listens
     * on 8080 plus the test port offset; each Payara Micro deployment is its own process on {@code it.payara.port}.
     */
    public static URL unmanagedUrl(String contextRoot) {
        int port = "payara".equals(System.getProperty("arquillian.launch"))
                ? Integer.getInteger("it.payara.port", 8680)
                : 8080 + Integer.getInteger("it.port.offset", 200);
        try {
            return new URL("http://127.0.0.1:" + port + "/" + contextRoot + "/");
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** {@link #huddle(Map)} served under {@code /<contextRoot>} instead of the root, so it can sit beside another. */
    public static WebArchive huddleAt(String contextRoot, Map<String, String> overrides) {
        WebArchive war = withFixtures(build(contextRoot + ".war", overrides));
        war.delete("/WEB-INF/jboss-web.xml");
        war.delete("/WEB-INF/glassfish-web.xml");
        return war.addAsWebInfResource(new StringAsset("<jboss-web><context-root>/" + contextRoot
                        + "</context-root></jboss-web>"), "jboss-web.xml")
                .addAsWebInfResource(new StringAsset("<glassfish-web-app><context-root>/" + contextRoot
                        + "</context-root></glassfish-web-app>"), "glassfish-web.xml");
    }

    /** {@link #huddle()} with {@code overrides} on top of the test settings. */
    public static WebArchive huddle(Map<String, String> overrides) {
        return withFixtures(build("huddle.war", overrides));
    }

    private static WebArchive build(String name, Map<String, String> overrides) {
        File war = new File(System.getProperty("huddle.war", "target/huddle.war"));
        if (!war.isFile()) {
            throw new IllegalStateException("run `mvn package` first: " + war + " is missing");
        }
        Map<String, String> settings = new TreeMap<>(TEST_SETTINGS);
        settings.putAll(overrides);
        String properties = settings.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("\n"));
        return ShrinkWrap.create(ZipImporter.class, name).importFrom(war).as(WebArchive.class)
                // test settings, read by a config source of high ordinal; the service file replaces the WAR's,
                // so it names Huddle's defaults too
                .addClass(TestSettings.class)
                .addAsResource(new StringAsset(HuddleDefaults.class.getName() + "\n" + TestSettings.class.getName()),
                        "META-INF/services/" + ConfigSource.class.getName())
                .addAsResource(new StringAsset(properties), TestSettings.RESOURCE)
                // application drivers: code pushing to connections, using the room API, dropping sockets (servlets)
                .addClasses(PushFixture.class, RoomFixture.class, ConnectionCutter.class)
                // a servlet that throws, so tests can read the container's own 500 page
                .addClass(FailingServlet.class)
                // fixtures: public files bigger than the file event's limit
                .addAsWebResource(new StringAsset("x".repeat(BIG_FILE_BYTES)), "big.txt")
                // an empty page of the server's origin, into which browser tests load a client script themselves
                .addAsWebResource(new StringAsset(BLANK_PAGE), BLANK_PAGE_PATH);
    }

    /** Adds the fixtures that change what the product does: chat hooks, action middleware, the tests' actions. */
    private static WebArchive withFixtures(WebArchive war) {
        return war
                // chat middleware: join and leave guards, two say-receive moderators, a per-recipient say hook
                .addClasses(JoinGuard.class, LeaveGuard.class, ModeratorFirst.class, ModeratorSecond.class,
                        PerRecipient.class)
                // an application's actions, its login check as per-action middleware, global middleware
                .addClasses(LoginAction.class, WhoAmIAction.class, RequiresLogin.class, RequiresLoginMiddleware.class,
                        ScriptedMiddleware.class)
                .addClasses(SleepAction.class, InputsAction.class, InputLimits.class, GreetV1Action.class,
                        GreetV2Action.class, FailAction.class);
    }
}
