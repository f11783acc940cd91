package com.example.teamchat;

import io.huddle.chat.ChatMessage;
import io.huddle.chat.SayReceiveHook;
import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

import java.util.regex.Pattern;

/** Say middleware, once per message on the sender's node: masks the words the team does not say. */
@Interceptor
@SayReceiveHook
@Priority(Interceptor.Priority.APPLICATION)
public class Moderator {

    private static final Pattern BANNED = Pattern.compile("(?i)\\b(darn|heck)\\b");

    @AroundInvoke
    Object moderate(InvocationContext context) throws Exception {
        ChatMessage message = (ChatMessage) context.getParameters()[1];
        String text = message.text();
        if (text != null && BANNED.matcher(text).find()) {
            String masked = BANNED.matcher(text).replaceAll("***");
            context.setParameters(new Object[]{context.getParameters()[0], message.withText(masked)});
        }
        return context.proceed();
    }
}
