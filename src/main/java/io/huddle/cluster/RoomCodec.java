package io.huddle.cluster;

/**
 * Writes room messages as the text that crosses nodes, and reads them back; implemented by the chat layer, which
 * defines the messages. Thread-safe.
 */
public interface RoomCodec {

    /** The message as text for the wire. */
    String write(RoomMessage message);

    /** A message another node wrote; throws a {@link RuntimeException} for text that is not one. */
    RoomMessage read(String text);
}
