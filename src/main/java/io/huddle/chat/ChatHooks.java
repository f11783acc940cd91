package io.huddle.chat;

import io.huddle.connection.Connection;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The join points of chat middleware: each method carries one hook binding, so application interceptors with that
 * binding wrap it. The bodies are the behaviour with no middleware. Always called through the CDI proxy.
 */
@ApplicationScoped
public class ChatHooks {

    @JoinHook
    public void join(Connection connection, String room) {
        // no middleware: everyone may join
    }

    @LeaveHook
    public void leave(Connection connection, String room) {
        // no middleware: everyone may leave
    }

    @SayReceiveHook
    public ChatMessage onSayReceive(Connection sender, ChatMessage message) {
        return message;
    }

    @SayHook
    public ChatMessage say(Connection recipient, ChatMessage message) {
        return message;
    }
}
