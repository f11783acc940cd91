package io.huddle.connection;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Signed fingerprints: ActionHero's 40-hex shape, genuine only under the secret that issued them. */
class FingerprintSignerTest {

    private final FingerprintSigner signer = new FingerprintSigner("a secret of this deployment");

    @Test
    void issuedFingerprintsHaveActionHerosShapeAndAreGenuine() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String fingerprint = signer.issue();
            assertTrue(Pattern.matches("[0-9a-f]{40}", fingerprint), fingerprint);
            assertTrue(signer.isGenuine(fingerprint));
            seen.add(fingerprint);
        }
        assertEquals(1000, seen.size());
    }

    @Test
    void anotherSecretsFingerprintsAreForeign() {
        String foreign = new FingerprintSigner("another deployment's secret").issue();
        assertFalse(signer.isGenuine(foreign));
        assertTrue(new FingerprintSigner("a secret of this deployment").isGenuine(signer.issue()),
                "nodes with one secret accept each other's fingerprints");
    }

    @Test
    void unsignedTamperedAndMalformedValuesAreNotGenuine() {
        String genuine = signer.issue();
        char last = genuine.charAt(39);
        assertFalse(signer.isGenuine(genuine.substring(0, 39) + (last == '0' ? '1' : '0')));
        assertFalse(signer.isGenuine(genuine.toUpperCase()));
        assertFalse(signer.isGenuine(genuine + "0"));
        assertFalse(signer.isGenuine("298f620a42a995745f081c0a06033369d09466cd"), "an unsigned ActionHero fingerprint");
        assertFalse(signer.isGenuine("a821ec31-53a5-4594-a8c4-c62e9050ea8a"), "a connection id");
        assertFalse(signer.isGenuine(""));
        assertFalse(signer.isGenuine(null));
    }
}
