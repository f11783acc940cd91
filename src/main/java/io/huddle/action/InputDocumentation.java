package io.huddle.action;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;

/** One input as {@code showDocumentation} shows it; a default is shown only when it is fixed. */
@JsonbPropertyOrder({"required", "description", "default"})
public record InputDocumentation(boolean required, String description,
                                 @JsonbProperty("default") Object defaultValue) {

    static InputDocumentation of(Input input) {
        Object fixedDefault = input.defaultValue() instanceof DefaultValue.Fixed fixed ? fixed.value() : null;
        return new InputDocumentation(input.isRequired(), input.description(), fixedDefault);
    }
}
