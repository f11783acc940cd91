package io.huddle.chat;

import io.huddle.connection.ClientError;
import io.huddle.connection.Refusal;

import java.util.function.Supplier;

/** Runs chat middleware that may reject: whatever it throws becomes the client's error text. */
final class Hooks {

    private Hooks() {
    }

    static <T> T run(Supplier<T> hook) {
        try {
            return hook.get();
        } catch (Refusal e) {
            throw e;
        } catch (RuntimeException e) {
            String text = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
            throw new ClientError(text);
        }
    }

    static void run(Runnable hook) {
        run(() -> {
            hook.run();
            return null;
        });
    }
}
