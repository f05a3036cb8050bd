package org.podium.delivery;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * The signature a receiver checks to know a request comes from this Podium and was not altered:
 * HMAC-SHA256, keyed with the target's shared secret, of the timestamp header's value, a dot, and the
 * body's bytes; sent as {@code X-Podium-Signature: sha256=<lower-case hex>}. The timestamp inside the
 * signed text lets the receiver refuse an old request replayed (the scheme Stripe and GitHub webhooks use).
 */
public final class Signature {
    private Signature() {}

    public static final String HEADER = "X-Podium-Signature";
    public static final String PREFIX = "sha256=";

    public static String sign(String secret, String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update(timestamp.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) '.');
            return PREFIX + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    /** Compares in constant time, as a receiver should. */
    public static boolean verify(String secret, String timestamp, byte[] body, String signature) {
        if (signature == null) return false;
        return MessageDigest.isEqual(sign(secret, timestamp, body).getBytes(StandardCharsets.US_ASCII),
                signature.getBytes(StandardCharsets.US_ASCII));
    }
}
