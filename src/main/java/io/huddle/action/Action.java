package io.huddle.action;

/**
 * An action clients can call over the websocket and over HTTP {@code /api}. Write one as a CDI bean
 * ({@code @ApplicationScoped}, or {@code @Dependent}) and it is found at deployment; nothing else to register.
 *
 * <pre>{@code
 * @ApplicationScoped
 * public class Greet implements Action {
 *     public ActionDefinition definition() {
 *         return ActionDefinition.named("greet").withDescription("Greets someone")
 *                 .withInputs(Input.named("name").required());
 *     }
 *     public void run(ActionContext action) {
 *         action.response().put("greeting", "hello " + action.param("name"));
 *     }
 * }
 * }</pre>
 *
 * Two actions with the same name and version fail the deployment. Action-specific middleware is an interceptor
 * binding on the action class (see {@link ActionMiddleware}). {@code run} is called on a worker thread, never on a
 * websocket I/O thread, and may be interrupted when it exceeds {@code huddle.general.actionTimeout}.
 */
public interface Action {

    /** What this action is called, its inputs and documentation; read once at deployment. */
    ActionDefinition definition();

    /**
     * Does the work: reads the processed {@link ActionContext#params()}, writes {@link ActionContext#response()}.
     * Throw {@link io.huddle.connection.ClientError} to fail with a message the client sees; anything else is
     * logged and the client gets a generic error.
     */
    void run(ActionContext action) throws Exception;
}
