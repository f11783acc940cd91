package io.huddle.websocket;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

/** The first frame of every connection (spec §2.1). */
@JsonbPropertyOrder({"welcome", "context"})
public record Welcome(String welcome, String context) {

    Welcome(String text) {
        this(text, "api");
    }
}
