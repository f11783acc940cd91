/**
 * API, mixed with internals: an application uses {@code RoomManager}, the hook bindings {@code JoinHook},
 * {@code LeaveHook}, {@code SayReceiveHook}, {@code SayHook}, and {@code ChatMessage} and {@code MemberDetails} in them;
 * every other type here is internal.
 * <p>
 * Chat rooms: the room API for application code ({@link io.huddle.chat.RoomManager}, the door to
 * {@link io.huddle.chat.Membership}, {@link io.huddle.chat.MemberCommands}, {@link io.huddle.chat.RoomChat} and
 * {@link io.huddle.chat.RoomDefaults}), the four middleware hooks as CDI interceptor bindings, what crosses nodes
 * about a room ({@link io.huddle.chat.RoomEvent}, written by {@link io.huddle.chat.RoomEventCodec}), fan-out of
 * messages to this node's members ({@link io.huddle.chat.RoomFanout}, off the bus's thread when hooks run),
 * presence, and the wire payloads.
 */
package io.huddle.chat;
