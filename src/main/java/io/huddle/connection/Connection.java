package io.huddle.connection;

import io.huddle.limits.ConnectionLimits;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import java.util.concurrent.atomic.AtomicLongFieldUpdater;

/**
 * One client connection (spec §4): a websocket, or the short-lived connection of one HTTP request.
 * Identity fields are fixed at creation; rooms, counters and the session map change over its life and are
 * safe to touch from any thread.
 *
 * <p>A server holds tens of thousands of these, most of them idle, so the changing state is kept in plain fields
 * (volatile, updated through static field updaters or under the object's lock) instead of a collection or atomic
 * object each; the session map is created on first use.
 */
public final class Connection {

    public static final String TYPE_WEBSOCKET = "websocket";
    public static final String TYPE_WEB = "web";

    private final String id;
    private final String fingerprint;
    private final String type;
    private final String remoteIP;
    private final Object remotePort;
    private final long connectedAt = System.currentTimeMillis();
    private final Outbox outbox;
    private final ConnectionLimits limits;

    private static final AtomicLongFieldUpdater<Connection> TOTAL_ACTIONS =
            AtomicLongFieldUpdater.newUpdater(Connection.class, "totalActions");
    private static final AtomicIntegerFieldUpdater<Connection> PENDING_ACTIONS =
            AtomicIntegerFieldUpdater.newUpdater(Connection.class, "pendingActions");

    /** Immutable (so null-hostile: see {@link #isIn}), replaced under the lock on join and leave. */
    private volatile List<String> rooms = List.of();
    private volatile Map<String, Object> session;
    private volatile long totalActions;
    private volatile int pendingActions;
    private volatile boolean alive = true;
    private volatile String userKey;
    private volatile Map<String, Object> metadata = Map.of();
    private volatile boolean wantsPositions;

    /** A connection without rate limits, as application code and tests build one. */
    public Connection(String id, String fingerprint, String type, String remoteIP, Object remotePort, Outbox outbox) {
        this(id, fingerprint, type, remoteIP, remotePort, outbox, ConnectionLimits.NONE);
    }

    /** @param limits the token buckets of this client ({@code huddle.limits.*}) */
    public Connection(String id, String fingerprint, String type, String remoteIP, Object remotePort, Outbox outbox,
                      ConnectionLimits limits) {
        this.limits = limits;
        this.id = id;
        this.fingerprint = fingerprint;
        this.type = type;
        // addresses repeat (NAT, proxies, a load balancer's own address): one shared copy instead of one per connection
        this.remoteIP = remoteIP == null ? null : remoteIP.intern();
        this.remotePort = remotePort;
        this.outbox = outbox;
    }

    public String id() { return id; }

    public String fingerprint() { return fingerprint; }

    public String type() { return type; }

    public String remoteIP() { return remoteIP; }

    /** A number from the socket, or the string of an {@code X-Forwarded-Port} header, as ActionHero reports it. */
    public Object remotePort() { return remotePort; }

    public long connectedAt() { return connectedAt; }

    /** This client's token buckets: spend one per request of a limited kind. */
    public ConnectionLimits limits() { return limits; }

    /** Rooms this connection is in, in join order; an immutable snapshot. */
    public List<String> rooms() { return rooms; }

    public boolean isIn(String room) { return room != null && rooms.contains(room); }

    public int roomCount() { return rooms.size(); }

    /** Records a join; false if already in the room. Called by the chat layer only. */
    public synchronized boolean addRoom(String room) {
        if (isIn(room)) {
            return false;
        }
        List<String> joined = new ArrayList<>(rooms.size() + 1);
        joined.addAll(rooms);
        joined.add(room);
        rooms = List.copyOf(joined);
        return true;
    }

    /** Records a leave; false if not in the room. Called by the chat layer only. */
    public synchronized boolean removeRoom(String room) {
        if (!isIn(room)) {
            return false;
        }
        List<String> left = new ArrayList<>(rooms);
        left.remove(room);
        rooms = List.copyOf(left);
        return true;
    }

    /** Free storage for actions and middleware (e.g. "user logged in"), alive as long as the connection. */
    public Map<String, Object> session() {
        Map<String, Object> map = session;
        if (map == null) {
            synchronized (this) {
                map = session;
                if (map == null) {
                    map = new ConcurrentHashMap<>();
                    session = map;
                }
            }
        }
        return map;
    }

    /** Who this connection belongs to for presence: set by application code after a login, else the fingerprint. */
    public String userKey() { return userKey != null ? userKey : fingerprint; }

    public void userKey(String userKey) { this.userKey = userKey; }

    /** Public details application code attached (e.g. a display name): shown to room members. Immutable. */
    public Map<String, Object> metadata() { return metadata; }

    public void metadata(Map<String, Object> metadata) { this.metadata = Map.copyOf(metadata); }

    public long totalActions() { return totalActions; }

    public int pendingActions() { return pendingActions; }

    /** Counts an action request and returns how many are now in flight on this connection. */
    public int actionStarted() {
        TOTAL_ACTIONS.incrementAndGet(this);
        return PENDING_ACTIONS.incrementAndGet(this);
    }

    public void actionFinished() { PENDING_ACTIONS.decrementAndGet(this); }

    /** Whether the client asked for each room message's position and epoch (Huddle's own client does). */
    public boolean wantsPositions() { return wantsPositions; }

    public void wantsPositions(boolean wanted) { this.wantsPositions = wanted; }

    /**
     * Counts a request that is not an action but is limited as one ({@code file}, {@code documentation}) and returns
     * how many are now in flight; not counted in {@link #totalActions()}. Ends with {@link #actionFinished()}.
     */
    public int requestStarted() { return PENDING_ACTIONS.incrementAndGet(this); }

    public boolean canChat() { return outbox != null; }

    /** Queues an encoded frame for this client; false if it cannot take it (HTTP, closing, or too slow). */
    public boolean send(String frame) {
        return outbox != null && outbox.offer(frame);
    }

    /** Queues a frame that other connections get too (a room message, a ping); false as {@link #send(String)}. */
    public boolean send(OutboundFrame frame) {
        return outbox != null && outbox.offer(frame);
    }

    /** Sends what is queued, then {@code lastFrame}, then closes. */
    public void close(String lastFrame, CloseStatus reason) {
        if (outbox != null) {
            outbox.closeAfter(lastFrame, reason);
        }
    }

    /** Closes now, dropping whatever is still queued: for a client that is gone. */
    public void abort(CloseStatus reason) {
        if (outbox != null) {
            outbox.abort(reason);
        }
    }

    public Optional<Outbox> outbox() { return Optional.ofNullable(outbox); }

    /** Heartbeat bookkeeping: true once the client answered the last ping. */
    public boolean alive() { return alive; }

    public void alive(boolean alive) { this.alive = alive; }

    public ConnectionDetails details() {
        return new ConnectionDetails(id, fingerprint, remoteIP, remotePort, Collections.emptyMap(), connectedAt,
                new ArrayList<>(rooms), totalActions, pendingActions);
    }

    @Override
    public String toString() {
        return type + " connection " + id + " from " + remoteIP;
    }
}
