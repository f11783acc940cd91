package io.huddle.it.cluster;

import io.huddle.chat.ChatMessage;
import io.huddle.chat.SayHook;
import io.huddle.connection.Connection;
import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

/**
 * Test fixture: a say hook that takes its time. A message {@code "sleep <ms> ..."} holds up its delivery to every
 * recipient but the sender for {@code ms} milliseconds, as a hook calling a slow service would.
 */
@Interceptor
@SayHook
@Priority(50)
public class SlowSayHook {

    @AroundInvoke
    Object slowly(InvocationContext context) throws Exception {
        Connection recipient = (Connection) context.getParameters()[0];
        ChatMessage message = (ChatMessage) context.getParameters()[1];
        String[] words = message.text().split(" ");
        if (words.length > 1 && words[0].equals("sleep") && !recipient.id().equals(message.from())) {
            Thread.sleep(Long.parseLong(words[1]));
        }
        return context.proceed();
    }
}
