package io.huddle.connection;

import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonGenerator;
import jakarta.json.stream.JsonGeneratorFactory;

import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.Writer;
import java.util.Map;

/**
 * JSON-P through one provider looked up once. {@code jakarta.json.Json.createXxx} looks the provider up again on
 * every call (a {@code ServiceLoader} scan of the deployment's jars): in a profile of the RPC benchmark on WildFly
 * that lookup was 60% of the server's CPU. Use these instead on any per-frame path.
 */
public final class Jsonp {

    private static final JsonProvider PROVIDER = JsonProvider.provider();
    private static final JsonGeneratorFactory GENERATORS = PROVIDER.createGeneratorFactory(null);

    /**
     * Deepest nesting of arrays and objects a client may send. An action's params are at the third level and a
     * member's metadata at the fourth, so 32 leaves room for any real payload; what is deeper would be copied by
     * recursion (into Java maps, through JSON-B into room records and presence frames), and JSON-B overflowed its
     * stack at a few hundred levels, well inside the parser's own limit of 1,000.
     */
    public static final int MAX_DEPTH = 32;

    /**
     * Parsson's reader setting that refuses input nested deeper while it parses (WildFly 39's Parsson 1.1.7 and
     * Payara 6's 1.1.5 both read it; a plain {@code RuntimeException}, "Input is too deeply nested"). Walking the
     * parsed value instead cost 2.5 % of the server's CPU under LoadGen's RPC.
     */
    private static final String PARSSON_MAX_DEPTH = "org.eclipse.parsson.maxDepth";
    private static final JsonReaderFactory CLIENT_READERS =
            PROVIDER.createReaderFactory(Map.of(PARSSON_MAX_DEPTH, MAX_DEPTH + 1));
    /** Whether the parser itself refuses what is nested past {@link #MAX_DEPTH}; else the parsed value is walked. */
    private static final boolean PARSER_LIMITS_DEPTH = parserRefuses(nestedArrays(MAX_DEPTH + 1));

    private Jsonp() {
    }

    public static JsonReader reader(Reader text) {
        return PROVIDER.createReader(text);
    }

    /**
     * Reads one JSON value from a client. Throws {@link UnreadableJson} with the text the client should see (or
     * null for plain malformed JSON, which each transport words its own way) for anything the parser refuses: the
     * JSON-P implementations bound number length and nesting depth with exceptions outside {@code JsonException}
     * (Parsson: {@code UnsupportedOperationException} past 1,100 digits, a bare {@code RuntimeException} past its
     * depth limit), which would otherwise escape as a server error. JSON nested deeper than {@link #MAX_DEPTH} is
     * refused by the parser where it takes {@link #PARSSON_MAX_DEPTH}, else by walking the value read.
     */
    public static JsonValue readClientJson(Reader text) {
        JsonValue value;
        try (JsonReader reader = CLIENT_READERS.createReader(text)) {
            value = reader.readValue();
        } catch (UnsupportedOperationException | ArithmeticException | NumberFormatException e) {
            throw new UnreadableJson(ErrorMessages.JSON_NUMBER_TOO_LARGE);
        } catch (StackOverflowError e) {
            throw new UnreadableJson(ErrorMessages.jsonTooDeep(MAX_DEPTH));
        } catch (JsonException e) {
            throw new UnreadableJson(null); // malformed text
        } catch (RuntimeException e) {
            // with the parser's limit at MAX_DEPTH + 1, its refusal is the client's nesting, whatever follows
            throw new UnreadableJson(PARSER_LIMITS_DEPTH && isDepthRefusal(e) ? ErrorMessages.jsonTooDeep(MAX_DEPTH)
                    : null);
        }
        if (!PARSER_LIMITS_DEPTH && deeperThan(value, MAX_DEPTH)) {
            throw new UnreadableJson(ErrorMessages.jsonTooDeep(MAX_DEPTH));
        }
        return value;
    }

    /** Whether {@link #CLIENT_READERS} refuses {@code json} outside {@code JsonException}: its depth limit is on. */
    private static boolean parserRefuses(String json) {
        try (JsonReader reader = CLIENT_READERS.createReader(new StringReader(json))) {
            reader.readValue();
            return false;
        } catch (JsonException e) {
            return false;
        } catch (RuntimeException e) {
            return isDepthRefusal(e);
        }
    }

    /** Parsson refuses input nested past its {@code maxDepth} with a bare {@code RuntimeException}, no subclass. */
    private static boolean isDepthRefusal(RuntimeException e) {
        return e.getClass() == RuntimeException.class;
    }

    private static String nestedArrays(int levels) {
        return "[".repeat(levels) + "]".repeat(levels);
    }

    /** Whether arrays and objects nest more than {@code levels} deep; recurses at most {@code levels + 1} calls. */
    static boolean deeperThan(JsonValue value, int levels) {
        Iterable<JsonValue> children;
        if (value instanceof JsonObject object) {
            children = object.values();
        } else if (value instanceof JsonArray array) {
            children = array;
        } else {
            return false;
        }
        if (levels == 0) {
            return true;
        }
        for (JsonValue child : children) {
            if (deeperThan(child, levels - 1)) {
                return true;
            }
        }
        return false;
    }

    /** Client JSON the parser refused; {@link #getMessage()} is the text to show, or null for malformed JSON. */
    public static final class UnreadableJson extends RuntimeException {
        UnreadableJson(String clientText) {
            super(clientText, null, false, false);
        }
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
