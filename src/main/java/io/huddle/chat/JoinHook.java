package io.huddle.chat;

import jakarta.interceptor.InterceptorBinding;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Binds an interceptor to room joins (ActionHero's {@code join} middleware). Parameters: the joining
 * {@code Connection}, the room name. Throw to refuse the join: the client gets {@code Error: <message>}.
 *
 * <pre>{@code
 * @Interceptor @JoinHook @Priority(100)
 * public class StaffOnly {
 *     @AroundInvoke Object check(InvocationContext ctx) throws Exception {
 *         Connection c = (Connection) ctx.getParameters()[0];
 *         if ("staff".equals(ctx.getParameters()[1]) && c.session().get("staff") == null) {
 *             throw new ClientError("staff only");
 *         }
 *         return ctx.proceed();
 *     }
 * }
 * }</pre>
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface JoinHook {
}
