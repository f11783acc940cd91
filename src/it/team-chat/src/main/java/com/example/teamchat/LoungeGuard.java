package com.example.teamchat;

import io.huddle.chat.JoinHook;
import io.huddle.connection.ClientError;
import io.huddle.connection.Connection;
import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

/** Join middleware: the {@code lounge} is for connections that logged in; every other room is open. */
@Interceptor
@JoinHook
@Priority(Interceptor.Priority.APPLICATION)
public class LoungeGuard {

    static final String LOUNGE = "lounge";

    @AroundInvoke
    Object check(InvocationContext context) throws Exception {
        Connection connection = (Connection) context.getParameters()[0];
        String room = (String) context.getParameters()[1];
        if (LOUNGE.equals(room) && connection.session().get(LoginAction.USER) == null) {
            throw new ClientError("log in to enter the lounge");
        }
        return context.proceed();
    }
}
