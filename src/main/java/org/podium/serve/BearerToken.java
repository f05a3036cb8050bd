package org.podium.serve;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The token a request must carry in {@code Authorization: Bearer <token>}, or none. Both sides are hashed
 * before they are compared in constant time, so that neither the comparison's duration nor the token's
 * length tells a caller how close it came.
 */
public final class BearerToken {

    private final byte[] expected;

    /** @param token null or blank: no token, every request is let in */
    public BearerToken(String token) {
        this.expected = token == null || token.isBlank() ? null : sha256(token.strip());
    }

    public boolean required() { return expected != null; }

    /** True when no token is required, or {@code authorization} is {@code Bearer <the token>}. */
    public boolean admits(String authorization) {
        if (expected == null) return true;
        if (authorization == null) return false;
        String a = authorization.strip();
        // RFC 6750 section 2.1: the scheme name is case-insensitive
        if (a.length() < 7 || !a.regionMatches(true, 0, "Bearer ", 0, 7)) return false;
        return MessageDigest.isEqual(expected, sha256(a.substring(7).strip()));
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
