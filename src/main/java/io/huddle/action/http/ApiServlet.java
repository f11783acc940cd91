package io.huddle.action.http;

import io.huddle.action.ActionOutcome;
import io.huddle.action.ActionRunner;
import io.huddle.config.GeneralSettings;
import io.huddle.config.WebSettings;
import io.huddle.concurrency.Completions;
import io.huddle.connection.ClientAddress;
import io.huddle.connection.ClientAddresses;
import io.huddle.connection.Connection;
import io.huddle.connection.FingerprintFilter;
import io.huddle.connection.FrameEncoder;
import io.huddle.connection.Refusal;
import io.huddle.limits.ConnectionLimits;
import io.huddle.limits.Limit;
import io.huddle.limits.RateLimited;
import io.huddle.limits.RateLimits;
import jakarta.inject.Inject;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
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

    @Inject
    ActionRunner actions;

    @Inject
    WebSettings web;

    @Inject
    GeneralSettings general;

    @Inject
    FrameEncoder encoder;

    @Inject
    AbandonedRequests abandoned;

    @Inject
    ClientAddresses addresses;

    @Inject
    RateLimits rateLimits;

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
        ClientAddress address = addresses.of(request);
        ConnectionLimits addressLimits = rateLimits.forApiClient("address " + address.ip());
        // a web connection lives for one request (spec §4); it has no outbox and cannot chat
        Connection connection = new Connection(fingerprint + "-" + messageId, fingerprint, Connection.TYPE_WEB,
                address.ip(), address.port(), null, limitsOf(request, fingerprint, addressLimits));
        try {
            addressLimits.take(Limit.API_ADDRESS);
        } catch (RateLimited refused) {
            write(response, new ActionOutcome(Map.of(), refused.getMessage(), refused.status(),
                    refused.retryAfterMillis()), new RequesterInformation(connection.id(), fingerprint, messageId,
                    address.ip(), Map.of()), receivedAt);
            return;
        }
        String query = request.getQueryString();
        String contentType = request.getContentType();
        String pathAction = actionInPath(request);
        Runnable closeConnection = abandoned.closerOfCurrentRequest();
        AsyncContext async = request.startAsync();
        async.setTimeout(0); // the body deadline and the action runner's own time limit always answer first
        RequestBody.read(request.getInputStream(), web.maxBodyBytes(), web.bodyTimeoutMillis())
                .thenApply(body -> ApiParams.merge(query, contentType, body, pathAction))
                .thenCompose(params -> actions.run(connection, params).thenApply(outcome ->
                        new Answer(outcome, new RequesterInformation(connection.id(), fingerprint, messageId,
                                address.ip(), params))))
                .exceptionally(error -> refused(error, connection, fingerprint, messageId, address, response))
                .thenAccept(answer -> {
                    try {
                        if (answer != null) {
                            write(response, answer.outcome(), answer.requester(), receivedAt);
                            if (answer.outcome().status() == RequestBody.REQUEST_TIMEOUT) {
                                response.flushBuffer();
                                closeConnection.run(); // the rest of its body is not waited for
                            }
                        }
                    } catch (IOException | RuntimeException e) {
                        LOG.log(Level.FINE, "could not answer " + connection, e);
                    } finally {
                        async.complete();
                    }
                });
    }

    /**
     * The buckets this request spends from, shared by every request of its client: its fingerprint when it sent
     * the cookie the fingerprint came from, else its address (a request without the cookie gets a fresh fingerprint
     * each time, which would make every request a new client).
     */
    private ConnectionLimits limitsOf(HttpServletRequest request, String fingerprint, ConnectionLimits addressLimits) {
        if (fingerprint.equals(FingerprintFilter.cookie(request, web.cookieKey()))) {
            return rateLimits.forApiClient("fingerprint " + fingerprint);
        }
        return addressLimits;
    }

    /** What {@code /api} answers: the action's outcome and who asked. */
    private record Answer(ActionOutcome outcome, RequesterInformation requester) {
    }

    /**
     * The answer to a request whose body was refused (too large, too slow, not decodable), or null when the client
     * went away before it was read.
     */
    private static Answer refused(Throwable error, Connection connection, String fingerprint, String messageId,
                                  ClientAddress address, HttpServletResponse response) {
        Throwable cause = Completions.causeOf(error);
        if (!(cause instanceof Refusal refusal)) {
            LOG.log(Level.FINE, "request body of " + connection + " not read", cause);
            return null;
        }
        if (refusal.status() == RequestBody.REQUEST_TIMEOUT) {
            response.setHeader("Connection", "close");
        }
        return new Answer(new ActionOutcome(Map.of(), refusal.getMessage(), refusal.status()),
                new RequesterInformation(connection.id(), fingerprint, messageId, address.ip(), Map.of()));
    }

    /** {@code /api/status} → {@code status}; {@code /api} and {@code /api/} → none (then {@code ?action=}). */
    private static String actionInPath(HttpServletRequest request) {
        String path = request.getPathInfo();
        return path == null || path.length() <= 1 ? null : path.substring(1);
    }

    private void write(HttpServletResponse response, ActionOutcome outcome, RequesterInformation requester,
                       long receivedAt) throws IOException {
        long now = System.currentTimeMillis();
        Map<String, Object> body = new LinkedHashMap<>(outcome.response());
        if (outcome.hasError()) {
            body.put("error", outcome.error());
        }
        if (outcome.isRateLimited()) {
            body.put("retryAfter", outcome.retryAfterMillis());
        }
        body.put("serverInformation", new ServerInformation(general.serverName(), general.apiVersion(),
                now - receivedAt, now));
        body.put("requesterInformation", requester);
        response.setStatus(outcome.status());
        if (outcome.isRateLimited()) {
            // whole seconds (RFC 9110), rounded up so a client that waits them finds its token back
            response.setHeader("Retry-After", Long.toString((outcome.retryAfterMillis() + 999) / 1000));
        }
        response.setContentType("application/json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(encoder.encode(body));
    }
}
