package io.huddle.connection;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonGenerator;
import jakarta.json.stream.JsonGeneratorFactory;

import java.io.InputStream;
import java.io.Reader;
import java.io.Writer;

/**
 * JSON-P through one provider looked up once. {@code jakarta.json.Json.createXxx} looks the provider up again on
 * every call (a {@code ServiceLoader} scan of the deployment's jars): in a profile of the RPC benchmark on WildFly
 * that lookup was 60% of the server's CPU. Use these instead on any per-frame path.
 */
public final class Jsonp {

    private static final JsonProvider PROVIDER = JsonProvider.provider();
    private static final JsonGeneratorFactory GENERATORS = PROVIDER.createGeneratorFactory(null);

    private Jsonp() {
    }

    public static JsonReader reader(Reader text) {
        return PROVIDER.createReader(text);
    }

    public static JsonReader reader(InputStream bytes) {
        return PROVIDER.createReader(bytes);
    }

    public static JsonGenerator generator(Writer out) {
        return GENERATORS.createGenerator(out);
    }

    public static JsonString string(String value) {
        return PROVIDER.createValue(value);
    }

    public static JsonObjectBuilder objectBuilder() {
        return PROVIDER.createObjectBuilder();
    }

    public static JsonObjectBuilder objectBuilder(JsonObject start) {
        return PROVIDER.createObjectBuilder(start);
    }
}
