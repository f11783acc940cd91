/**
 * Chat rooms: the room API for application code ({@link io.huddle.chat.RoomManager}), the four middleware hooks as
 * CDI interceptor bindings, fan-out of messages to this node's members, presence, and the wire payloads.
 */
package io.huddle.chat;
