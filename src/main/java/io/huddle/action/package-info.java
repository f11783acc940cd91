/**
 * API, mixed with internals: an application writes actions and their middleware with {@code Action},
 * {@code ActionDefinition}, {@code Input}, {@code ActionContext}, {@code Formatters}, {@code InputValidator},
 * {@code InputFormatter}, {@code InputRejected}, {@code ActionMiddleware} and {@code ActionProcessing}; every other
 * type here is internal.
 * <p>
 * Actions (spec §2.4, §8, §9): the model an application uses to write them ({@link io.huddle.action.Action},
 * {@link io.huddle.action.ActionDefinition}, {@link io.huddle.action.Input}), action middleware as CDI interceptors
 * ({@link io.huddle.action.ActionProcessing}, {@link io.huddle.action.ActionMiddleware}), and the one pipeline that
 * both the websocket and HTTP {@code /api} run them through ({@link io.huddle.action.ActionRunner}). The websocket
 * {@code file} request is served here too, off the I/O thread like an action.
 */
package io.huddle.action;
