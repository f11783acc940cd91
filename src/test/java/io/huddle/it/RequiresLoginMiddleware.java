package io.huddle.it;

import io.huddle.action.ActionContext;
import io.huddle.action.ActionMiddleware;
import io.huddle.connection.ClientError;
import jakarta.annotation.Priority;
import jakarta.interceptor.Interceptor;

/** Test fixture: refuses actions marked {@link RequiresLogin} unless {@link LoginAction} ran on this connection. */
@Interceptor
@RequiresLogin
@Priority(Interceptor.Priority.APPLICATION + 10)
public class RequiresLoginMiddleware extends ActionMiddleware {

    static final String NOT_LOGGED_IN = "you must log in first";

    @Override
    protected void around(ActionContext action, Next next) throws Exception {
        if (!(action.connection().session().get(LoginAction.USER) instanceof String)) {
            throw new ClientError(NOT_LOGGED_IN, 401);
        }
        next.proceed();
    }
}
