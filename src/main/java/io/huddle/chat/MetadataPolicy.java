package io.huddle.chat;

import io.huddle.config.ChatSettings;
import io.huddle.connection.ClientError;
import io.huddle.connection.ErrorMessages;
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
            throw new ClientError(ErrorMessages.METADATA_NOT_OBJECT);
        }
        if (metadata.size() > chat.metadataMaxKeys()) {
            throw new ClientError(ErrorMessages.metadataTooManyKeys(chat.metadataMaxKeys()));
        }
        for (String key : metadata.keySet()) {
            if (key.isEmpty() || key.length() > 64) {
                throw new ClientError(ErrorMessages.METADATA_KEY_LENGTH);
            }
        }
        int size = encoder.jsonb().toJson(metadata).getBytes(StandardCharsets.UTF_8).length;
        if (size > chat.metadataMaxBytes()) {
            throw new ClientError(ErrorMessages.metadataTooLarge(size, chat.metadataMaxBytes()));
        }
    }
}
