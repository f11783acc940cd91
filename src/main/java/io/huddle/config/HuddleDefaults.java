package io.huddle.config;

import org.eclipse.microprofile.config.spi.ConfigSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Huddle's defaults ({@code META-INF/huddle-defaults.properties}) as a config source below every standard one: an
 * application's own {@code META-INF/microprofile-config.properties} (ordinal 100), environment variables and
 * system properties all override them.
 */
public class HuddleDefaults implements ConfigSource {

    static final String RESOURCE = "META-INF/huddle-defaults.properties";

    /** Below the default ordinal 100 of {@code microprofile-config.properties}. */
    static final int ORDINAL = 50;

    private final Map<String, String> values = load();

    private static Map<String, String> load() {
        Properties properties = new Properties();
        // the class's own loader: the file sits beside this class in WEB-INF/classes, whatever the context loader
        try (InputStream in = HuddleDefaults.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the deployment");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties.stringPropertyNames().stream()
                .collect(Collectors.toUnmodifiableMap(name -> name, properties::getProperty));
    }

    @Override
    public Set<String> getPropertyNames() {
        return values.keySet();
    }

    @Override
    public Map<String, String> getProperties() {
        return values;
    }

    @Override
    public String getValue(String name) {
        return values.get(name);
    }

    @Override
    public String getName() {
        return "huddle-defaults";
    }

    @Override
    public int getOrdinal() {
        return ORDINAL;
    }
}
