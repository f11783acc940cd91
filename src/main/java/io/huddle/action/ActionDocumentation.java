package io.huddle.action;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

import java.util.Map;

/** One version of one action as {@code showDocumentation} shows it (ActionHero ≤ v22). */
@JsonbPropertyOrder({"name", "version", "description", "inputs", "outputExample"})
public record ActionDocumentation(String name, int version, String description, Map<String, InputDocumentation> inputs,
                                  Object outputExample) {
}
