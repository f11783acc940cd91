package io.huddle.connection;

import io.huddle.config.WebSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;

/** Reads a request's {@link ClientAddress} and scheme with the configured {@code huddle.web.trustedProxies}. */
@ApplicationScoped
public class ClientAddresses {

    @Inject
    WebSettings web;

    /** Who sent {@code request}: see {@link ClientAddress}. */
    public ClientAddress of(HttpServletRequest request) {
        return ClientAddress.of(web.trustedProxies(), request.getHeader("X-Real-IP"),
                request.getHeader("X-Forwarded-For"), request.getHeader("X-Forwarded-Port"), request.getRemoteAddr(),
                request.getRemotePort());
    }

    /** Whether {@code request} came over HTTPS, directly or through a trusted proxy's {@code X-Forwarded-Proto}. */
    public boolean overHttps(HttpServletRequest request) {
        return ClientAddress.overHttps(web.trustedProxies(), request.isSecure(), request.getHeader("X-Forwarded-Proto"),
                request.getRemoteAddr());
    }

    /**
     * Whether {@code request} carried forwarding headers that were ignored because its peer is not a trusted proxy:
     * the hint an operator behind a proxy needs when every client seems to come from one address.
     */
    public boolean forwardingIgnored(HttpServletRequest request) {
        return (request.getHeader("X-Forwarded-For") != null || request.getHeader("X-Real-IP") != null)
                && !web.trustedProxies().trusts(request.getRemoteAddr());
    }
}
