package io.huddle.config;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** The README's configuration table documents every setting Huddle ships a default for, with that default. */
class ConfigurationTableTest {

    /** The files whose keys are Huddle's settings; only the first ships today, the second would be read too. */
    private static final List<String> DEFAULTS = List.of("META-INF/huddle-defaults.properties",
            "META-INF/microprofile-config.properties");

    private static final String TABLE_HEADER = "| property | default | meaning |";
    private static final Pattern ROW = Pattern.compile("^\\| `([^`]+)` \\| (.+?) \\| (.+) \\|$");

    @Test
    void everySettingHasARowInTheReadmesConfigurationTable() throws IOException {
        Set<String> missing = new TreeSet<>(shippedDefaults().keySet());
        missing.removeAll(readmeTable().keySet());
        assertEquals(Set.of(), missing, "settings without a row in README.md's configuration table");
    }

    @Test
    void theTableShowsTheDefaultThatShips() throws IOException {
        Map<String, String> table = readmeTable();
        Map<String, String> wrong = new LinkedHashMap<>();
        shippedDefaults().forEach((key, value) -> {
            String shown = table.get(key);
            String expected = value.isEmpty() ? "*(empty)*" : "`" + value + "`";
            if (shown != null && !shown.equals(expected) && !value.startsWith("${")) {
                wrong.put(key, "README shows " + shown + ", the default is " + expected);
            }
        });
        assertEquals(Map.of(), wrong);
    }

    /** Key to default, from every defaults file on the class path (the build fills in {@code ${...}} values). */
    private static Map<String, String> shippedDefaults() throws IOException {
        Map<String, String> defaults = new LinkedHashMap<>();
        Path resources = Path.of("src/main/resources");
        for (String file : DEFAULTS) {
            Path source = resources.resolve(file);
            if (Files.isRegularFile(source)) {
                Properties properties = new Properties();
                properties.load(new StringReader(Files.readString(source)));
                properties.stringPropertyNames().forEach(key -> defaults.put(key, properties.getProperty(key).trim()));
            }
        }
        assertFalse(defaults.isEmpty(), "no defaults found under " + resources.toAbsolutePath());
        return defaults;
    }

    /** The configuration table's rows: property to its default cell. */
    private static Map<String, String> readmeTable() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("README.md"));
        int header = lines.indexOf(TABLE_HEADER);
        assertFalse(header < 0, "README.md has no table headed " + TABLE_HEADER);
        Map<String, String> rows = new LinkedHashMap<>();
        for (String line : lines.subList(header + 2, lines.size())) {
            if (!line.startsWith("|")) {
                break;
            }
            Matcher row = ROW.matcher(line);
            if (row.matches()) {
                rows.put(row.group(1), row.group(2));
            }
        }
        return rows;
    }
}
