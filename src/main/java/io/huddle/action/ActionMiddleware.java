package io.huddle.action;

import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.InvocationContext;

/**
 * Action middleware (spec §9) as a CDI interceptor. Code before {@code next.proceed()} is a pre-processor, code
 * after it a post-processor; not calling it skips the action.
 *
 * <pre>{@code
 * @Interceptor @ActionProcessing @Priority(Interceptor.Priority.APPLICATION)
 * public class Audit extends ActionMiddleware {
 *     protected void around(ActionContext action, Next next) throws Exception {
 *         action.connection().session().put("lastAction", action.action().name());
 *         next.proceed();
 *         action.response().put("servedBy", "node-1");
 *     }
 * }
 * }</pre>
 *
 * <ul>
 *   <li>Global middleware has the binding {@link ActionProcessing}: it runs for every action before the inputs are
 *       processed, so it sees (and may change) the params as received.</li>
 *   <li>Action-specific middleware has an interceptor binding of the application's own, placed on the action
 *       class; it runs around {@link Action#run}, after the inputs were processed and global middleware ran.</li>
 *   <li>Throwing {@link io.huddle.connection.ClientError} rejects the call: the client gets its message (and over
 *       HTTP its status). Any other exception is logged and the client gets a generic error.</li>
 * </ul>
 */
public abstract class ActionMiddleware {

    /** Runs the rest of the chain: inner middleware, then the action. */
    @FunctionalInterface
    public interface Next {
        void proceed() throws Exception;
    }

    protected abstract void around(ActionContext action, Next next) throws Exception;

    /**
     * A class-level binding also intercepts the action's other methods ({@link Action#definition()}); only calls
     * that carry an {@link ActionContext} are action processing.
     */
    @AroundInvoke
    Object intercept(InvocationContext invocation) throws Exception {
        Object[] arguments = invocation.getParameters();
        if (arguments.length != 1 || !(arguments[0] instanceof ActionContext action)) {
            return invocation.proceed();
        }
        around(action, invocation::proceed);
        return null; // both intercepted methods, ActionProcessor.process and Action.run, are void
    }
}
