package io.huddle.websocket;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

/** What {@code GET /primus/spec} answers, as Primus does (spec §1.1). */
@JsonbPropertyOrder({"pingInterval", "pathname", "version", "parser", "transformer"})
public record PrimusSpec(Object pingInterval, String pathname, String version, String parser, String transformer) {
}
