package io.huddle.action.http;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.Closeable;
import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Ends the network connection of a request whose body Huddle gave up waiting for, where the container would
 * otherwise wait for the rest of it on a thread. Works around Undertow (WildFly 39): completing an async request
 * whose body is unread drains the body with a blocking read on a worker thread
 * ({@code AsyncContextImpl.onAsyncCompleteAndRespond} → {@code HttpServletRequestImpl.closeAndDrainRequest}), so
 * each client that stops sending holds a worker thread after its 408 until it disconnects; 32 of them stop a 2-core
 * node. Closing the connection first makes that read fail at once. Other containers (Payara's Grizzly) do not
 * drain this way and need nothing. Delete this class when Undertow completes such requests without a blocking drain.
 */
@ApplicationScoped
public class AbandonedRequests {

    private static final Logger LOG = Logger.getLogger(AbandonedRequests.class.getName());

    /** {@code () -> Closeable}: the current Undertow request's connection, or null off Undertow. */
    private MethodHandle currentConnection;

    @PostConstruct
    void findContainer() {
        try {
            MethodHandles.Lookup lookup = MethodHandles.publicLookup();
            ClassLoader loader = AbandonedRequests.class.getClassLoader();
            Class<?> context = Class.forName("io.undertow.servlet.handlers.ServletRequestContext", false, loader);
            Class<?> exchange = Class.forName("io.undertow.server.HttpServerExchange", false, loader);
            Class<?> connection = Class.forName("io.undertow.server.ServerConnection", false, loader);
            currentConnection = MethodHandles.filterReturnValue(
                    MethodHandles.filterReturnValue(
                            lookup.findStatic(context, "current", MethodType.methodType(context)),
                            lookup.findVirtual(context, "getExchange", MethodType.methodType(exchange))),
                    lookup.findVirtual(exchange, "getConnection", MethodType.methodType(connection)))
                    .asType(MethodType.methodType(Closeable.class));
        } catch (ClassNotFoundException e) {
            currentConnection = null; // not Undertow: nothing to work around
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            LOG.log(Level.WARNING, "Undertow found but its request connection is not reachable; a client that stops"
                    + " sending an /api body holds a worker thread after its 408 until it disconnects", e);
            currentConnection = null;
        }
    }

    /**
     * Called on the request's own thread: what ends its connection later, when the request is abandoned after its
     * answer was sent; does nothing where the container needs no help.
     */
    Runnable closerOfCurrentRequest() {
        if (currentConnection == null) {
            return () -> { };
        }
        Closeable connection;
        try {
            connection = (Closeable) currentConnection.invokeExact();
        } catch (Throwable e) {
            LOG.log(Level.FINE, "no Undertow exchange on this thread", e);
            return () -> { };
        }
        return () -> {
            try {
                connection.close();
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.FINE, "closing an abandoned request's connection failed", e);
            }
        };
    }
}
