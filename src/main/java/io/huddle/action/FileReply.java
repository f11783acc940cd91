package io.huddle.action;

import io.huddle.connection.ErrorMessages;
import io.huddle.connection.Jsonp;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

import java.nio.charset.StandardCharsets;

/**
 * The answer to a websocket {@code file} request (spec §2.5): the whole file as text, or ActionHero's failure shape
 * ({@code content} null, {@code mime} text/html, {@code length} of the error text).
 */
public record FileReply(String error, String content, String mime, long length, String lastModified) {

    private static final String ERROR_MIME = "text/html";

    static FileReply found(String content, String mime, long length, String lastModified) {
        return new FileReply(null, content, mime, length, lastModified);
    }

    public static FileReply failed(String error) {
        return new FileReply(error, null, ERROR_MIME, error.getBytes(StandardCharsets.UTF_8).length, null);
    }

    static FileReply notFound() {
        return failed(ErrorMessages.FILE_NOT_FOUND);
    }

    /** The reply frame: these fields plus {@code context} and the request's {@code messageId}. */
    public JsonObject toJson(JsonValue messageId) {
        JsonObjectBuilder json = Jsonp.objectBuilder();
        if (error != null) {
            json.add("error", error).addNull("content");
        } else {
            json.add("content", content);
        }
        json.add("mime", mime).add("length", length);
        if (lastModified != null) {
            json.add("lastModified", lastModified);
        }
        return json.add("context", "response").add("messageId", messageId).build();
    }
}
