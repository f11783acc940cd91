package io.huddle.chat;

import jakarta.interceptor.InterceptorBinding;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Binds an interceptor to room leaves (ActionHero's {@code leave} middleware). Parameters: the leaving
 * {@code Connection}, the room name. Throw to refuse a {@code roomLeave}; when the connection is going away anyway
 * (disconnect, room destroyed, node gone) the hook still runs, but what it throws is logged and ignored.
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface LeaveHook {
}
