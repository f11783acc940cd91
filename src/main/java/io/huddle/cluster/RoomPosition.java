package io.huddle.cluster;

/**
 * Where a message stands in its room's history: {@code position} orders the room's messages cluster-wide (a Redis
 * stream id, {@code <ms>-<seq>}, in a cluster; the same shape on a single node), {@code epoch} names the history it
 * belongs to and changes when that history is lost (Redis restarted empty, a single node restarted).
 */
public record RoomPosition(String epoch, String position) {

    /**
     * Compares two positions of one epoch; a position that is not {@code <ms>-<seq>} throws
     * {@link IllegalArgumentException}.
     */
    public static int compare(String a, String b) {
        long[] x = parse(a);
        long[] y = parse(b);
        int byMillis = Long.compare(x[0], y[0]);
        return byMillis != 0 ? byMillis : Long.compare(x[1], y[1]);
    }

    /** The milliseconds part of a position: when the message was kept. */
    public static long millis(String position) {
        return parse(position)[0];
    }

    private static long[] parse(String position) {
        int dash = position == null ? -1 : position.indexOf('-');
        if (dash <= 0) {
            throw new IllegalArgumentException("not a position: " + position);
        }
        try {
            return new long[]{Long.parseLong(position.substring(0, dash)), Long.parseLong(position.substring(dash + 1))};
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a position: " + position, e);
        }
    }
}
