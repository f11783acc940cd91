package io.huddle.websocket;

import io.huddle.config.WebSettings;
import io.huddle.config.WebsocketSettings;
import io.huddle.connection.ClientAddress;
import io.huddle.connection.ClientAddresses;
import io.huddle.connection.ClientError;
import io.huddle.connection.FingerprintFilter;
import io.huddle.connection.Fingerprints;
import io.huddle.connection.FrameEncoder;
import io.huddle.limits.ConnectionQuota;
import io.huddle.limits.Refusals;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Everything under {@code /primus} before a socket exists: answers {@code /primus/spec}, refuses plain HTTP with 426
 * as Primus does, refuses foreign origins with 403, computes the new connection's identity (id, fingerprint,
 * address) from the full servlet request, which the websocket handshake API does not expose, and refuses it with 429
 * when its address or fingerprint already holds as many connections as {@link ConnectionQuota} allows.
 */
@WebFilter(urlPatterns = {"/primus", "/primus/*"}, asyncSupported = true)
public class PrimusHttpFilter extends HttpFilter {

    static final String PRIMUS_VERSION = "8.0.9";

    private static final int SWITCHING_PROTOCOLS = 101;

    /** The most of a refused Origin header that reaches the log: a client chooses its length. */
    static final int LOGGED_ORIGIN_CHARS = 200;

    /** Hands the handshake to {@link HandshakeConfigurator}, which runs on this thread inside the filter chain. */
    private static final ThreadLocal<Handshake> CURRENT = new ThreadLocal<>();

    @Inject
    WebsocketSettings websocket;

    @Inject
    WebSettings web;

    @Inject
    OriginPolicy originPolicy;

    @Inject
    FrameEncoder encoder;

    @Inject
    WebsocketSessions sessions;

    @Inject
    Fingerprints fingerprints;

    @Inject
    ClientAddresses addresses;

    @Inject
    ConnectionQuota quota;

    @Inject
    Refusals refusals;

    /**
     * Undeploy and server stop: WildFly closes every websocket (1001, no reason) before any listener or bean is told
     * the application stops, but after it destroys this filter; so this is where connections end on our terms.
     */
    @Override
    public void destroy() {
        sessions.shutdown();
    }

    static Handshake current() {
        return CURRENT.get();
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!"websocket".equalsIgnoreCase(request.getHeader("Upgrade"))) {
            answerPlainHttp(request, response);
            return;
        }
        if (CURRENT.get() != null) {
            // Undertow passes an upgrade through this filter a second time, inside the first pass's chain (after
            // the handshake took the first pass's Handshake): one admission per upgrade, not two
            chain.doFilter(request, response);
            return;
        }
        String origin = request.getHeader("Origin");
        if (!originPolicy.allows(origin, request.getHeader("Host"))) {
            refusals.refused("origin", addresses.of(request).ip(), () -> "websocket from origin " + truncated(origin)
                    + " (not this server's, not allowed by huddle.websocket.allowedOrigins)");
            refuse(response, HttpServletResponse.SC_FORBIDDEN, "Forbidden: origin not allowed");
            return;
        }
        ClientAddress address = addresses.of(request);
        String id = UUID.randomUUID().toString();
        String fingerprint = fingerprintOf(request, id);
        ConnectionQuota.Admission admission;
        try {
            admission = quota.admit(address.ip(), fingerprint, () -> addresses.forwardingIgnored(request)
                    ? " (its requests carry X-Forwarded-For from " + request.getRemoteAddr() + ", which is not a"
                    + " trusted proxy: behind a proxy, set huddle.web.trustedProxies)" : "");
        } catch (ClientError overQuota) {
            refuse(response, overQuota.status(), overQuota.getMessage());
            return;
        }
        boolean upgraded = false;
        CURRENT.set(new Handshake(id, fingerprint, address.ip(), address.port(), admission));
        try {
            chain.doFilter(request, response);
            upgraded = response.getStatus() == SWITCHING_PROTOCOLS;
        } finally {
            CURRENT.remove();
            if (!upgraded) {
                admission.release(); // the container refused the upgrade: no socket will open
            }
        }
    }

    private static void refuse(HttpServletResponse response, int status, String text) throws IOException {
        response.setStatus(status);
        response.setContentType("text/plain");
        response.setCharacterEncoding("UTF-8");
        response.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
    }

    /** At most {@link #LOGGED_ORIGIN_CHARS} of a header, and how long it was when cut. */
    static String truncated(String header) {
        if (header == null || header.length() <= LOGGED_ORIGIN_CHARS) {
            return header;
        }
        return header.substring(0, LOGGED_ORIGIN_CHARS) + "... (" + header.length() + " characters)";
    }

    private void answerPlainHttp(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        response.setHeader("Cache-Control", "no-store, no-cache, must-revalidate, max-age=0");
        response.setHeader("Pragma", "no-cache");
        if (path.equals("/primus/spec") && "GET".equals(request.getMethod())) {
            long interval = websocket.pingIntervalMillis();
            PrimusSpec spec = new PrimusSpec(interval > 0 ? interval : Boolean.FALSE,
                    request.getContextPath() + "/primus", PRIMUS_VERSION, "json", "websockets");
            response.setContentType("application/json");
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write(encoder.encode(spec));
            return;
        }
        response.setStatus(426);
        response.setContentType("text/plain");
        response.getOutputStream().write("Upgrade Required".getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The new connection's fingerprint: the query's {@code sessionID} or the cookie, whichever this deployment issued
     * ({@link Fingerprints}); with neither, the connection id, as in ActionHero (spec §4) — which other members see,
     * but which nobody can claim, since a value the server did not sign is never taken.
     */
    private String fingerprintOf(HttpServletRequest request, String connectionId) {
        String fingerprint = request.getParameter(web.cookieKey());
        if (!fingerprints.isGenuine(fingerprint)) {
            fingerprint = FingerprintFilter.cookie(request, web.cookieKey());
        }
        return fingerprints.isGenuine(fingerprint) ? fingerprint : connectionId;
    }
}
