package io.huddle.websocket;

import io.huddle.connection.FrameEncoder;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Renders the browser client for one deployment: the library from {@code client/} (readable, and the copy Closure
 * Compiler minified at build time) with {@link ClientSettings} baked in, plus its type declarations.
 */
@ApplicationScoped
public class ClientLibrary {

    /** The one placeholder in the library, quotes included: {@code JSON.parse("%%HUDDLE_CONFIG%%")}. */
    static final String SETTINGS_TOKEN = "\"%%HUDDLE_CONFIG%%\"";

    static final String JAVASCRIPT = "text/javascript; charset=utf-8";
    static final String TYPESCRIPT = "application/typescript; charset=utf-8";

    private static final String SOURCE = "client/huddle-client.js";
    private static final String MINIFIED = "client/huddle-client.min.js";
    private static final String DECLARATIONS = "client/huddle-client.d.ts";

    // nulls are meaningful in the settings (url: the page's origin; retries: unlimited), so they are written out
    private final Jsonb jsonb = JsonbBuilder.create(new JsonbConfig().withNullValues(true));

    /** The files to serve, by file name: {@code <name>.js}, {@code <name>.min.js} and {@code <name>.d.ts}. */
    Map<String, ClientFile> render(String name, ClientSettings settings) {
        // a JSON string literal holding the settings' JSON, which JSON.parse turns back into the object; escaped
        // line separators keep it a valid literal for older engines
        String literal = FrameEncoder.escapeLineSeparators(jsonb.toJson(jsonb.toJson(settings)));
        Map<String, ClientFile> files = new LinkedHashMap<>();
        files.put(name + ".js", ClientFile.of(bake(read(SOURCE), literal, SOURCE), JAVASCRIPT));
        files.put(name + ".min.js", ClientFile.of(bake(read(MINIFIED), literal, MINIFIED), JAVASCRIPT));
        files.put(name + ".d.ts", ClientFile.of(read(DECLARATIONS), TYPESCRIPT));
        return files;
    }

    private static String bake(String library, String literal, String resource) {
        int at = library.indexOf(SETTINGS_TOKEN);
        if (at < 0 || library.indexOf(SETTINGS_TOKEN, at + 1) >= 0) {
            throw new IllegalStateException(resource + " must contain " + SETTINGS_TOKEN + " exactly once");
        }
        return library.substring(0, at) + literal + library.substring(at + SETTINGS_TOKEN.length());
    }

    private static String read(String resource) {
        try (InputStream in = ClientLibrary.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not in the WAR: build it with Maven, which also"
                        + " minifies the client");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + resource, e);
        }
    }

    @PreDestroy
    void close() {
        try {
            jsonb.close();
        } catch (Exception ignored) {
            // nothing to release that matters at undeploy
        }
    }
}
