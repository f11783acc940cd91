package io.huddle.connection;

/**
 * Every error text a client can see, in one place. Where ActionHero fixes a text (spec §2.7) it is copied exactly,
 * because clients match on it; the rest are Huddle's own and say what to do.
 */
public final class ErrorMessages {

    // ActionHero's texts (spec §2.7)
    public static final String UNKNOWN_ACTION = "unknown action or invalid apiVersion";
    public static final String SHUTTING_DOWN = "the server is shutting down";
    public static final String TOO_MANY_PENDING = "you have too many pending requests";
    public static final String FILE_NOT_FOUND = "that file is not found";
    public static final String FILE_REQUIRED = "file is a required param to send a file";
    public static final String ROOM_AND_MESSAGE_REQUIRED = "both room and message are required";
    public static final String ROOM_DELETED = "this room has been deleted";
    public static final String ROOM_DOES_NOT_EXIST = "room does not exist";
    public static final String ROOM_EXISTS = "room exists";
    public static final String ROOM_REQUIRED = "a room is required";

    // Huddle's own
    public static final String NOT_JSON = "frame is not valid JSON";
    public static final String BINARY_FRAME = "binary frames are not supported: send JSON text frames";
    public static final String BAD_MESSAGE_ID = "messageId must be a string or a number";
    public static final String INTERNAL_ERROR = "internal server error";
    public static final String SERVER_BUSY = "the server is too busy to run this action now: try again later";
    public static final String BODY_NOT_JSON = "the request body is not valid JSON";
    public static final String JSON_NUMBER_TOO_LARGE = "a number in the JSON is too large to read";
    public static final String BODY_NOT_JSON_OBJECT = "the JSON request body must be an object";
    public static final String QUERY_NOT_DECODABLE = "the query string or form body is not valid URL encoding";

    public static final String METADATA_NOT_OBJECT = "metadata must be an object";
    public static final String METADATA_KEY_LENGTH = "metadata keys must be 1 to 64 characters";
    public static final String METADATA_NEEDS_WEBSOCKET =
            "metadata belongs to a websocket connection: call setMetadata over the websocket";
    public static final String ROOM_NAME_CONTROL_CHARACTERS = "room name must not contain control characters";

    private ErrorMessages() {
    }

    public static String jsonTooDeep(int maxDepth) {
        return "the JSON is nested too deeply: at most " + maxDepth + " levels of arrays and objects";
    }

    public static String metadataTooManyKeys(int max) {
        return "metadata has too many keys: at most " + max;
    }

    public static String metadataTooLarge(int size, int max) {
        return "metadata too large: " + size + " bytes, at most " + max;
    }

    public static String roomNameTooLong(int max) {
        return "room name too long: at most " + max + " characters";
    }

    public static String tooManyRooms(int max) {
        return "too many rooms: a connection may be in at most " + max + " rooms";
    }

    // websocket upgrades refused with 429 before the socket exists (huddle.limits.connectionsPer*)

    public static String tooManyConnectionsFromAddress(int max) {
        return "too many connections from your address: at most " + max + " at a time; close one and try again";
    }

    public static String tooManyConnectionsWithFingerprint(int max) {
        return "too many connections from this browser: at most " + max + " at a time; close one and try again";
    }

    /** A token bucket of the client is empty: {@code limit} is its name ({@code say}, {@code actions}, ...). */
    public static String rateLimitExceeded(String limit) {
        return "rate limit exceeded (" + limit + ")";
    }

    public static String connectionNotFound(String connectionId) {
        return "connection not found (" + connectionId + ")";
    }

    public static String connectionNotOnThisNode(String connectionId) {
        return "connection not found on this node (" + connectionId + ")";
    }

    public static String cannotTakeMessages(String connectionId) {
        return "connection cannot take messages (" + connectionId + ")";
    }

    // refusals for the server's own state (503)

    public static String clusterUnavailable(String operation) {
        return "cluster unavailable: could not " + operation + " (Redis unreachable), try again";
    }

    public static String roomLimitReached(int maxRooms) {
        return "room limit reached (" + maxRooms + " rooms): try again later";
    }

    public static String atRoomLimit(int maxRooms) {
        return "this server is at its limit of " + maxRooms + " rooms; try again later";
    }

    public static String nodeNotRunning(String node) {
        return "node " + node + " is not running";
    }

    public static String nodeDidNotAnswer(String node) {
        return "node " + node + " did not answer in time";
    }

    public static String interruptedWaitingFor(String node) {
        return "interrupted while waiting for node " + node;
    }

    public static String nodeShuttingDown(String node) {
        return "node " + node + " is shutting down";
    }

    public static String commandFailed(String node, String reason) {
        return "command failed on node " + node + ": " + reason;
    }

    public static String verbNotFound(String verb) {
        return "verb not found or not allowed (" + verb + ")";
    }

    public static String notInRoom(String room) {
        return "connection not in this room (" + room + ")";
    }

    public static String alreadyInRoom(String room) {
        return "connection already in this room (" + room + ")";
    }

    public static String requiredParam(String param) {
        return param + " is a required parameter for this action";
    }

    public static String failedValidation(String param) {
        return "Input for parameter \"" + param + "\" failed validation!";
    }

    public static String blockedConnectionType(String type) {
        return "this action does not support the " + type + " connection type";
    }

    public static String mustBe(String field, String what) {
        return field + " must be " + what;
    }

    public static String fileReadFailed(String reason) {
        return "error reading file: " + reason;
    }

    public static String fileTooLarge(int maxBytes) {
        return "that file is too large to send: the limit is " + maxBytes + " bytes";
    }

    public static String actionTimedOut(long millis) {
        return "the action timed out: it did not finish within " + millis + " ms";
    }

    public static String bodyTooLarge(int maxBytes) {
        return "the request body is too large: the limit is " + maxBytes + " bytes";
    }

    public static String bodyTimedOut(long millis) {
        return "the request body did not arrive within " + millis + " ms";
    }

    public static String joinNotConfirmed(long millis) {
        return "could not join: the cluster did not confirm this room's subscription within " + millis
                + " ms; try again";
    }

    public static String unsupportedContentType(String contentType) {
        return "unsupported Content-Type " + contentType
                + ": send application/json or application/x-www-form-urlencoded";
    }
}
