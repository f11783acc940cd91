package io.huddle.config;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.spi.ConfigSource;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.StreamSupport;

/**
 * Reads Huddle's keys from MicroProfile Config as typed values, once, at deploy. A value that is missing or does
 * not parse throws {@link InvalidSetting} with one sentence naming the key, the value and what is expected, so a
 * bad setting stops the deployment instead of failing each connection later.
 */
public final class SettingsReader {

    private final Config config;

    public SettingsReader(Config config) {
        this.config = config;
    }

    /**
     * The value from the most important config source that sets {@code key}, trimmed, even when empty.
     * Implementations differ here: WildFly's lets an empty value hide the default, Payara's falls through to the
     * default; where an empty value switches something off, it has to win on both.
     */
    Optional<String> raw(String key) {
        for (ConfigSource source : config.getConfigSources()) {
            String value = source.getValue(key);
            if (value != null) {
                return Optional.of(value.trim());
            }
        }
        return Optional.empty();
    }

    /** A value that must be set; may be empty. */
    public String text(String key) {
        return raw(key).orElseThrow(() -> new InvalidSetting(key + " is not set (Huddle's default is missing from"
                + " META-INF/huddle-defaults.properties)"));
    }

    /** A value where empty means not set. */
    public Optional<String> optionalText(String key) {
        return raw(key).filter(value -> !value.isEmpty());
    }

    public boolean bool(String key) {
        String value = text(key).toLowerCase(Locale.ROOT);
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw invalid(key, value, "true or false");
        };
    }

    /** A whole number at least {@code min}. */
    public long atLeast(String key, long min) {
        String value = text(key);
        try {
            long number = Long.parseLong(value);
            if (number >= min) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw invalid(key, value, "a whole number of at least " + min);
    }

    /** A whole number at least {@code min} that fits an int. */
    public int intAtLeast(String key, int min) {
        long number = atLeast(key, min);
        if (number > Integer.MAX_VALUE) {
            throw invalid(key, Long.toString(number), "at most " + Integer.MAX_VALUE);
        }
        return (int) number;
    }

    /** An optional whole number at least {@code min}; empty when not set. */
    public Optional<Integer> optionalIntAtLeast(String key, int min) {
        return optionalText(key).map(value -> intAtLeast(key, min));
    }

    /** A decimal number between {@code min} and {@code max}, both included. */
    public double between(String key, double min, double max) {
        String value = text(key);
        try {
            double number = Double.parseDouble(value);
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw invalid(key, value, "a number from " + min + " to " + max);
    }

    /** One of a fixed set of words. */
    public String oneOf(String key, String... allowed) {
        String value = text(key);
        if (Arrays.asList(allowed).contains(value)) {
            return value;
        }
        throw invalid(key, value, "one of " + String.join(", ", allowed));
    }

    /** A comma-separated list; empty entries are dropped. */
    public List<String> list(String key) {
        return Arrays.stream(raw(key).orElse("").split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    /** Every key of every config source that starts with {@code prefix}. */
    public List<String> keysStartingWith(String prefix) {
        return StreamSupport.stream(config.getConfigSources().spliterator(), false)
                .flatMap(source -> source.getPropertyNames().stream())
                .filter(name -> name.startsWith(prefix))
                .distinct()
                .sorted()
                .toList();
    }

    static InvalidSetting invalid(String key, String value, String expected) {
        return new InvalidSetting(key + " is '" + value + "', but must be " + expected);
    }

    /** A configuration value Huddle cannot use; the message names the key. */
    public static final class InvalidSetting extends RuntimeException {
        public InvalidSetting(String message) {
            super(message);
        }
    }
}
