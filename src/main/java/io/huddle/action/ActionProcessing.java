package io.huddle.action;

import jakarta.interceptor.InterceptorBinding;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Binds global action middleware: an interceptor with this binding runs around the processing of every action,
 * over the websocket and HTTP alike, ordered by its {@code @Priority} (lowest first, outermost). Extend
 * {@link ActionMiddleware} to write one.
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface ActionProcessing {
}
