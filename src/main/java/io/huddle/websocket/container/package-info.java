/**
 * Internal.
 * <p>
 * Everything Huddle knows about particular websocket containers, behind {@link
 * io.huddle.websocket.container.ContainerSupport}: Undertow (WildFly), Tyrus (Payara) and a portable fallback,
 * chosen once at deploy. Each workaround here names the container behaviour it works around, so it can be deleted
 * the day the container changes. Only {@code websocket} depends on this package.
 */
package io.huddle.websocket.container;
