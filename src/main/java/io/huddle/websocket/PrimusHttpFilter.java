package io.huddle.websocket;

import io.huddle.config.WebSettings;
import io.huddle.config.WebsocketSettings;
import io.huddle.connection.ClientAddress;
import io.huddle.connection.FingerprintFilter;
import io.huddle.connection.FrameEncoder;
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
import java.util.logging.Logger;

/**
 * Everything under {@code /primus} before a socket exists: answers {@code /primus/spec}, refuses plain HTTP with 426
 * as Primus does, refuses foreign origins with 403, and computes the new connection's identity (id, fingerprint,
 * address) from the full servlet request, which the websocket handshake API does not expose.
 */
@WebFilter(urlPatterns = {"/primus", "/primus/*"}, asyncSupported = true)
public class PrimusHttpFilter extends HttpFilter {

    static final String PRIMUS_VERSION = "8.0.9";

    private static final Logger LOG = Logger.getLogger(PrimusHttpFilter.class.getName());

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
        String origin = request.getHeader("Origin");
        if (!originPolicy.allows(origin, request.getHeader("Host"))) {
            LOG.info(() -> "refused websocket from origin " + origin + " (not this server's, not allowed by"
                    + " huddle.websocket.allowedOrigins)");
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            response.setContentType("text/plain");
            response.getOutputStream().write("Forbidden: origin not allowed".getBytes(StandardCharsets.UTF_8));
            return;
        }
        CURRENT.set(handshakeOf(request));
        try {
            chain.doFilter(request, response);
        } finally {
            CURRENT.remove();
        }
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

    private Handshake handshakeOf(HttpServletRequest request) {
        String id = UUID.randomUUID().toString();
        String fingerprint = request.getParameter(web.cookieKey());
        if (fingerprint == null || fingerprint.isEmpty()) {
            fingerprint = FingerprintFilter.cookie(request, web.cookieKey());
        }
        if (fingerprint == null || fingerprint.isEmpty()) {
            fingerprint = id;
        }
        ClientAddress address = ClientAddress.of(request.getHeader("X-Real-IP"), request.getHeader("X-Forwarded-For"),
                request.getHeader("X-Forwarded-Port"), request.getRemoteAddr(), request.getRemotePort());
        return new Handshake(id, fingerprint, address.ip(), address.port());
    }
}
