package io.huddle.it;

import org.eclipse.microprofile.config.spi.ConfigSource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

import java.io.File;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Builds what the integration tests deploy: the real WAR from {@code mvn package} plus test fixtures. */
public final class Deployments {

    /** Settings every integration test runs with: a fast heartbeat so heartbeat tests take seconds. */
    static final Map<String, String> TEST_SETTINGS = Map.of(
            "huddle.websocket.server.pingInterval", "2000",
            "huddle.websocket.outbox.maxMessages", "500",
            "huddle.general.id", "test-node");

    /** One byte over the default {@code huddle.general.maxFileBytes}. */
    static final int BIG_FILE_BYTES = 1024 * 1024 + 1;

    private Deployments() {
    }

    /** The real WAR with the standard test settings and fixtures. */
    public static WebArchive huddle() {
        return huddle(Map.of());
    }

    /** The real WAR served under {@code /<contextRoot>} instead of the root, so it can sit beside another. */
    public static WebArchive huddleAt(String contextRoot, Map<String, String> overrides) {
        WebArchive war = build(contextRoot + ".war", overrides);
        war.delete("/WEB-INF/jboss-web.xml");
        war.delete("/WEB-INF/glassfish-web.xml");
        return war.addAsWebInfResource(new StringAsset("<jboss-web><context-root>/" + contextRoot
                        + "</context-root></jboss-web>"), "jboss-web.xml")
                .addAsWebInfResource(new StringAsset("<glassfish-web-app><context-root>/" + contextRoot
                        + "</context-root></glassfish-web-app>"), "glassfish-web.xml");
    }

    /** The real WAR with the standard test settings, {@code overrides} on top, and fixtures. */
    public static WebArchive huddle(Map<String, String> overrides) {
        return build("huddle.war", overrides);
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
                // test settings, read by a config source of high ordinal
                .addClass(TestSettings.class)
                .addAsServiceProvider(ConfigSource.class, TestSettings.class)
                .addAsResource(new StringAsset(properties), TestSettings.RESOURCE)
                // fixtures: an application bean that pushes to connections
                .addClass(PushFixture.class)
                // fixtures: an application's actions, its login check as per-action middleware, global middleware
                .addClasses(LoginAction.class, WhoAmIAction.class, RequiresLogin.class, RequiresLoginMiddleware.class,
                        ScriptedMiddleware.class)
                .addClasses(SleepAction.class, InputsAction.class, InputLimits.class, GreetV1Action.class,
                        GreetV2Action.class, FailAction.class)
                // fixtures: public files bigger than the file event's limit
                .addAsWebResource(new StringAsset("x".repeat(BIG_FILE_BYTES)), "big.txt");
    }
}
