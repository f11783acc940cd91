package io.huddle.action.http;

import io.huddle.action.ActionOutcome;
import io.huddle.action.ActionRunner;
import io.huddle.config.HuddleConfig;
import io.huddle.connection.ClientAddress;
import io.huddle.connection.ClientError;
import io.huddle.connection.Connection;
import io.huddle.connection.ErrorMessages;
import io.huddle.connection.FingerprintFilter;
import io.huddle.connection.FrameEncoder;
import jakarta.inject.Inject;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code GET}/{@code POST} {@code /api/<action>} and {@code /api?action=<action>}. A plain async servlet rather than
 * JAX-RS: it needs byte-level control of the body (413 before reading it, 400 for bad JSON, one params map from
 * query, form and JSON alike) and hands the request to the same {@link ActionRunner} as the websocket, so a
 * resource class, exception mappers and a body-size filter would only add layers around those few lines.
 */
@WebServlet(urlPatterns = {"/api", "/api/*"}, asyncSupported = true)
public class ApiServlet extends HttpServlet {

    private static final Logger LOG = Logger.getLogger(ApiServlet.class.getName());

    static final int PAYLOAD_TOO_LARGE = 413;
    static final long DRAIN_LIMIT_BYTES = 64L * 1024 * 1024;

    @Inject
    ActionRunner actions;

    @Inject
    HuddleConfig config;

    @Inject
    FrameEncoder encoder;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        serve(request, response);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        serve(request, response);
    }

    private void serve(HttpServletRequest request, HttpServletResponse response) throws IOException {
        long receivedAt = System.currentTimeMillis();
        String messageId = UUID.randomUUID().toString();
        String fingerprint = FingerprintFilter.fingerprintOf(request);
        ClientAddress address = ClientAddress.of(request.getHeader("X-Real-IP"), request.getHeader("X-Forwarded-For"),
                request.getHeader("X-Forwarded-Port"), request.getRemoteAddr(), request.getRemotePort());
        // a web connection lives for one request (spec §4); it has no outbox and cannot chat
        Connection connection = new Connection(fingerprint + "-" + messageId, fingerprint, Connection.TYPE_WEB,
                address.ip(), address.port(), null);
        Map<String, Object> params;
        try {
            params = ApiParams.merge(request.getQueryString(), request.getContentType(), readBody(request),
                    actionInPath(request));
        } catch (ClientError e) {
            RequesterInformation requester = new RequesterInformation(connection.id(), fingerprint, messageId,
                    address.ip(), Map.of());
            write(response, new ActionOutcome(Map.of(), e.getMessage(), e.status()), requester, receivedAt);
            return;
        }
        RequesterInformation requester = new RequesterInformation(connection.id(), fingerprint, messageId,
                address.ip(), params);
        AsyncContext async = request.startAsync();
        async.setTimeout(0); // the action runner's own time limit always answers first
        actions.run(connection, params).thenAccept(outcome -> {
            try {
                write(response, outcome, requester, receivedAt);
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.FINE, "could not answer " + connection, e);
            } finally {
                async.complete();
            }
        });
    }

    /** {@code /api/status} → {@code status}; {@code /api} and {@code /api/} → none (then {@code ?action=}). */
    private static String actionInPath(HttpServletRequest request) {
        String path = request.getPathInfo();
        return path == null || path.length() <= 1 ? null : path.substring(1);
    }

    private byte[] readBody(HttpServletRequest request) throws IOException {
        int max = config.maxBodyBytes();
        try (InputStream in = request.getInputStream()) {
            byte[] body = in.readNBytes(max + 1); // one byte past the limit tells a body over it
            if (body.length > max) {
                drain(in);
                throw new ClientError(ErrorMessages.bodyTooLarge(max), PAYLOAD_TOO_LARGE);
            }
            return body;
        }
    }

    /**
     * Reads and drops the rest of a refused body, up to {@value #DRAIN_LIMIT_BYTES} bytes, so the connection can
     * carry the answer and the next request: Payara leaves an HTTP/2 (h2c) stream hanging when a body is unread.
     */
    private static void drain(InputStream in) throws IOException {
        byte[] buffer = new byte[8192];
        long drained = 0;
        int read;
        while (drained < DRAIN_LIMIT_BYTES && (read = in.read(buffer)) >= 0) {
            drained += read;
        }
    }

    private void write(HttpServletResponse response, ActionOutcome outcome, RequesterInformation requester,
                       long receivedAt) throws IOException {
        long now = System.currentTimeMillis();
        Map<String, Object> body = new LinkedHashMap<>(outcome.response());
        if (outcome.hasError()) {
            body.put("error", outcome.error());
        }
        body.put("serverInformation", new ServerInformation(config.serverName(), config.apiVersion(),
                now - receivedAt, now));
        body.put("requesterInformation", requester);
        response.setStatus(outcome.status());
        response.setContentType("application/json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(encoder.encode(body));
    }
}
