package io.huddle.chat;

import io.huddle.config.ChatSettings;
import io.huddle.connection.ClientError;
import io.huddle.connection.FrameEncoder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Bounds member metadata: it is copied into every room record and presence frame, so it must stay small. */
@ApplicationScoped
public class MetadataPolicy {

    @Inject
    ChatSettings chat;

    @Inject
    FrameEncoder encoder;

    void check(Map<String, Object> metadata) {
        if (metadata == null) {
            throw new ClientError("metadata must be an object");
        }
        if (metadata.size() > chat.metadataMaxKeys()) {
            throw new ClientError("metadata has too many keys: at most " + chat.metadataMaxKeys());
        }
        for (String key : metadata.keySet()) {
            if (key.isEmpty() || key.length() > 64) {
                throw new ClientError("metadata keys must be 1 to 64 characters");
            }
        }
        int size = encoder.jsonb().toJson(metadata).getBytes(StandardCharsets.UTF_8).length;
        if (size > chat.metadataMaxBytes()) {
            throw new ClientError("metadata too large: " + size + " bytes, at most " + chat.metadataMaxBytes());
        }
    }
}
