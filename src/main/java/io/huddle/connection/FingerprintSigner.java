package io.huddle.connection;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Issues and checks server-signed fingerprints. A fingerprint is 40 lowercase hex characters, the shape of
 * ActionHero's: 10 random bytes, then the first 10 bytes of their HMAC-SHA256 under the secret. Only a holder of the
 * secret can make one that {@link #isGenuine} accepts, so a client cannot claim a fingerprint it was not given
 * (forging one takes about 2^80 online tries; another client's also needs its 80 random bits), and the value stays cookie-safe and short.
 */
public final class FingerprintSigner {

    static final int RANDOM_BYTES = 10;
    static final int TAG_BYTES = 10;
    static final int LENGTH = 2 * (RANDOM_BYTES + TAG_BYTES);

    private static final HexFormat HEX = HexFormat.of();

    private final SecureRandom random = new SecureRandom();
    private final Mac prototype;

    /** Signs with {@code secret} (its UTF-8 bytes are the HMAC key). */
    public FingerprintSigner(String secret) {
        try {
            prototype = Mac.getInstance("HmacSHA256");
            prototype.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is always available", e);
        }
    }

    /** A fresh fingerprint. */
    public String issue() {
        byte[] value = new byte[RANDOM_BYTES];
        random.nextBytes(value);
        return HEX.formatHex(value) + HEX.formatHex(tag(value));
    }

    /** Whether {@code fingerprint} was issued with this secret; false for null, foreign or malformed values. */
    public boolean isGenuine(String fingerprint) {
        if (fingerprint == null || fingerprint.length() != LENGTH || !lowerHex(fingerprint)) {
            return false;
        }
        byte[] bytes = HEX.parseHex(fingerprint);
        byte[] value = Arrays.copyOf(bytes, RANDOM_BYTES);
        byte[] claimed = Arrays.copyOfRange(bytes, RANDOM_BYTES, bytes.length);
        return MessageDigest.isEqual(claimed, tag(value)); // constant time: no timing hint towards a valid tag
    }

    private byte[] tag(byte[] value) {
        Mac mac;
        try {
            mac = (Mac) prototype.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("HmacSHA256 of the default providers is cloneable", e);
        }
        return Arrays.copyOf(mac.doFinal(value), TAG_BYTES);
    }

    private static boolean lowerHex(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }
}
