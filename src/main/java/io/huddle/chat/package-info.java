/**
 * API, mixed with internals: an application uses {@code RoomManager}, the hook bindings {@code JoinHook},
 * {@code LeaveHook}, {@code SayReceiveHook}, {@code SayHook}, and {@code ChatMessage} and {@code MemberDetails} in them;
 * every other type here is internal.
 * <p>
 * Chat rooms: the room API for application code ({@link io.huddle.chat.RoomManager}), the four middleware hooks as
 * CDI interceptor bindings, fan-out of messages to this node's members, presence, and the wire payloads.
 */
package io.huddle.chat;
