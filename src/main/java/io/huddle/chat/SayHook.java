package io.huddle.chat;

import jakarta.interceptor.InterceptorBinding;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Binds an interceptor to deliveries (ActionHero's {@code say} middleware): runs <b>once per recipient</b>, on the
 * recipient's node. Parameters: the receiving {@code Connection} and the {@link ChatMessage}; the result is what
 * that recipient gets. Return a changed copy for this recipient only, or {@code null} to skip them; a throw is
 * logged and skips them. Messages are serialized once and shared unless a hook returns a different message.
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface SayHook {
}
