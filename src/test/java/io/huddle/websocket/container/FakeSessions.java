package io.huddle.websocket.container;

import jakarta.websocket.CloseReason;
import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.SendHandler;
import jakarta.websocket.Session;

import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Test sessions: just enough of {@link Session} for the container supports, each call recorded. */
final class FakeSessions {

    private FakeSessions() {
    }

    /** A session whose user properties are {@code properties}. */
    static Session withUserProperties(Map<String, Object> properties) {
        return session(properties, List.of(), null);
    }

    /** A session that records its close reasons in {@code closes}. */
    static Session closingInto(List<CloseReason> closes) {
        return session(new HashMap<>(), closes, null);
    }

    /** A session whose async remote hands each send's text and handler to {@code sends}. */
    static Session sendingTo(Map<String, SendHandler> sends) {
        return session(new HashMap<>(), List.of(), sends);
    }

    private static Session session(Map<String, Object> properties, List<CloseReason> closes,
                                   Map<String, SendHandler> sends) {
        RemoteEndpoint.Async remote = (RemoteEndpoint.Async) Proxy.newProxyInstance(
                FakeSessions.class.getClassLoader(), new Class<?>[]{RemoteEndpoint.Async.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("sendText") && args.length == 2) {
                        sends.put((String) args[0], (SendHandler) args[1]);
                        return null;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        return (Session) Proxy.newProxyInstance(FakeSessions.class.getClassLoader(), new Class<?>[]{Session.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getUserProperties" -> properties;
                    case "getAsyncRemote" -> remote;
                    case "getId" -> "fake";
                    case "close" -> {
                        closes.add((CloseReason) args[0]);
                        yield null;
                    }
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
