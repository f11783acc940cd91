package io.huddle.connection;

import io.huddle.cluster.ClusterReconnected;
import io.huddle.cluster.ClusterSetup;
import io.huddle.cluster.ClusterUnavailable;
import io.huddle.config.WebSettings;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.logging.Logger;

/**
 * The server-issued, signed fingerprints of this deployment ({@link FingerprintSigner}). The secret is
 * {@code huddle.web.fingerprintSecret}; unset, a random one made at deploy, which in a Redis cluster the nodes agree
 * on through Redis (the first node's wins, SET NX), so a cookie issued by one node is genuine at every other. A node
 * that cannot reach Redis at deploy signs with its own secret until it does, then adopts the cluster's: fingerprints
 * it issued meanwhile become foreign, and their holders get fresh ones, as new visitors do.
 */
@ApplicationScoped
public class Fingerprints {

    private static final Logger LOG = Logger.getLogger(Fingerprints.class.getName());

    /** 32 random bytes: the HMAC-SHA256 key length. */
    private static final int GENERATED_SECRET_BYTES = 32;

    @Inject
    WebSettings web;

    @Inject
    ClusterSetup cluster;

    private volatile FingerprintSigner signer;
    private volatile String secret;

    @PostConstruct
    void choose() {
        if (web.fingerprintSecret().isPresent()) {
            use(web.fingerprintSecret().get());
            return;
        }
        byte[] bytes = new byte[GENERATED_SECRET_BYTES];
        new SecureRandom().nextBytes(bytes);
        use(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
        agreeWithCluster();
    }

    /** Settled at deploy, before the first request, rather than on the first request's thread. */
    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        // nothing to do: delivering this event creates the bean, whose @PostConstruct chooses the secret
    }

    /** Redis reached (for the first time, or again after an outage or a flush): sign as the cluster does. */
    void reconnected(@Observes ClusterReconnected reconnected) {
        if (web.fingerprintSecret().isEmpty()) {
            agreeWithCluster();
        }
    }

    private void agreeWithCluster() {
        if (!cluster.clustered()) {
            return;
        }
        try {
            String agreed = cluster.agreeOnFingerprintSecret(secret);
            if (!agreed.equals(secret)) {
                use(agreed);
                LOG.info("signing fingerprints with the cluster's secret (set huddle.web.fingerprintSecret to choose"
                        + " one)");
            }
        } catch (ClusterUnavailable e) {
            LOG.warning("Redis is not reachable: signing fingerprints with this node's own secret until it is; the"
                    + " fingerprints issued meanwhile will be replaced (set huddle.web.fingerprintSecret on every"
                    + " node to avoid this)");
        }
    }

    private void use(String newSecret) {
        signer = new FingerprintSigner(newSecret);
        secret = newSecret;
    }

    /** A fresh fingerprint. */
    public String issue() {
        return signer.issue();
    }

    /** Whether this deployment (any node of its cluster) issued {@code fingerprint}. */
    public boolean isGenuine(String fingerprint) {
        return signer.isGenuine(fingerprint);
    }
}
