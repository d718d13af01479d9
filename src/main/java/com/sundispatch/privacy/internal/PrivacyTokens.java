package com.sundispatch.privacy.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/** Mailed link tokens: 256 random bits, URL-safe; only their SHA-256 is stored. */
final class PrivacyTokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private PrivacyTokens() {
    }

    static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    /** Compares two hex hashes in constant time. */
    static boolean same(String expectedHash, String token) {
        return expectedHash != null && MessageDigest.isEqual(expectedHash.getBytes(StandardCharsets.US_ASCII),
                hash(token).getBytes(StandardCharsets.US_ASCII));
    }

    /** A token as it may arrive from a client: present, short and of the alphabet {@link #newToken} uses. */
    static boolean plausible(String token) {
        return token != null && token.length() >= 20 && token.length() <= 100 && token.matches("[A-Za-z0-9_-]+");
    }
}
