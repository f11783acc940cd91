package io.huddle.it;

import org.eclipse.microprofile.config.spi.ConfigSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * Test fixture deployed inside the WAR: overrides Huddle's defaults with {@code huddle-test.properties} (short
 * heartbeat, small bounds) so the integration tests run in seconds.
 */
public class TestSettings implements ConfigSource {

    static final String RESOURCE = "huddle-test.properties";

    private final Map<String, String> values = load();

    private static Map<String, String> load() {
        Properties properties = new Properties();
        try (InputStream in = TestSettings.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> map = new HashMap<>();
        properties.forEach((k, v) -> map.put(k.toString(), v.toString()));
        return map;
    }

    @Override
    public Set<String> getPropertyNames() {
        return values.keySet();
    }

    @Override
    public String getValue(String name) {
        return values.get(name);
    }

    @Override
    public String getName() {
        return "huddle-test-settings";
    }

    @Override
    public int getOrdinal() {
        return 500;
    }
}
