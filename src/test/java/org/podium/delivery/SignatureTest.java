package org.podium.delivery;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class SignatureTest {

    @Test
    void signsTheTimestampADotAndTheBodyWithHmacSha256() {
        // the reference HMAC below gives RFC 4231's test case 2 value
        assertThat(hmacOf("Jefe", "what do ya want for nothing?"))
                .isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
        assertThat(Signature.sign("Jefe", "1700000000", "for nothing?".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("sha256=" + hmacOf("Jefe", "1700000000.for nothing?"));
    }

    @Test
    void aChangedBodyTimestampOrSecretFailsVerification() {
        byte[] body = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);
        String sig = Signature.sign("a-shared-secret-of-length", "1700000000", body);
        assertThat(Signature.verify("a-shared-secret-of-length", "1700000000", body, sig)).isTrue();
        assertThat(Signature.verify("a-shared-secret-of-length", "1700000001", body, sig)).isFalse();
        assertThat(Signature.verify("another-secret-of-its-length", "1700000000", body, sig)).isFalse();
        assertThat(Signature.verify("a-shared-secret-of-length", "1700000000", "{\"a\":2}".getBytes(StandardCharsets.UTF_8), sig)).isFalse();
        assertThat(Signature.verify("a-shared-secret-of-length", "1700000000", body, null)).isFalse();
    }

    static String hmacOf(String key, String text) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return java.util.HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
