package io.huddle.concurrency;

import java.util.concurrent.CompletionException;

/** What a failed stage of a {@link java.util.concurrent.CompletionStage} chain really failed with. */
public final class Completions {

    private Completions() {
    }

    /** The failure itself, not the {@link CompletionException} a later stage wrapped it in. */
    public static Throwable causeOf(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }
}
