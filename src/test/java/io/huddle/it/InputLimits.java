package io.huddle.it;

import jakarta.validation.constraints.Size;

/** Test fixture: Bean Validation constraints for {@link InputsAction}'s inputs. */
public record InputLimits(@Size(max = 8) String name) {
}
