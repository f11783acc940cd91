package io.huddle.chat;

import jakarta.interceptor.InterceptorBinding;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Binds an interceptor to received messages (ActionHero's {@code onSayReceive}): runs <b>once per message, on the
 * sender's node</b>, before the message is published. Parameters: the sending {@code Connection} ({@code null} for
 * a server broadcast) and the {@link ChatMessage}; the result is the message to publish. Rewrite it (replace
 * parameter 1 before {@code proceed()}, or return a changed copy), drop it silently (return {@code null}), or
 * reject the say (throw: the sender gets {@code Error: <message>}).
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface SayReceiveHook {
}
