package io.huddle.websocket;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/** One served file of the browser client: its bytes, content type and an ETag derived from the bytes. */
record ClientFile(byte[] content, String contentType, String etag) {

    static ClientFile of(String text, String contentType) {
        byte[] content = text.getBytes(StandardCharsets.UTF_8);
        return new ClientFile(content, contentType, "\"" + digest(content) + "\"");
    }

    private static String digest(byte[] content) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(content);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
