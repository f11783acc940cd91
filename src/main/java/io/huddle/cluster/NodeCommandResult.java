package io.huddle.cluster;

/** The answer to a {@link NodeCommand}: done, or the error text the caller should see. */
public record NodeCommandResult(boolean ok, String error) {

    public static NodeCommandResult done() {
        return new NodeCommandResult(true, null);
    }

    public static NodeCommandResult failed(String error) {
        return new NodeCommandResult(false, error);
    }
}
