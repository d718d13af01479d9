package com.sundispatch.security;

/**
 * AES-256-GCM encryption of secrets and personal data that must be read back (TOTP secrets, webhook secrets,
 * phone numbers, street addresses, exact coordinates) under {@code SUNDISPATCH_DATA_KEY}. The context (e.g.
 * "totp:" + user id, or table, column and row id) is authenticated, so a ciphertext copied to another row or
 * column does not decrypt.
 *
 * <p>Ciphertexts name the key that sealed them ({@code v2:<key id>:...}), so the data key can be rotated: with
 * {@code SUNDISPATCH_DATA_KEY_PREVIOUS} set, values sealed under the previous key still decrypt, and everything
 * new is sealed under the current key.
 */
public interface DataCipher {

    /** Seals under the current key. */
    String encrypt(byte[] plaintext, String context);

    /**
     * Opens a value sealed under the current or the previous key (or the older {@code v1:} format, which has no
     * key id). Throws {@link IllegalStateException} for a wrong key, context or a corrupted value.
     */
    byte[] decrypt(String ciphertext, String context);

    /** The current key's id: 8 hex characters of a hash over a fixed label and the key, never the key itself. */
    String keyId();

    /** True when {@code value} looks like one of our ciphertexts (either format), whatever key sealed it. */
    boolean isCiphertext(String value);

    /** True when {@code ciphertext} was sealed under the current key in the current format. */
    boolean isCurrent(String ciphertext);

    /** The SQL {@code LIKE} pattern matching ciphertexts under the current key (no wildcard in the key id). */
    default String currentPattern() {
        return "v2:" + keyId() + ":%";
    }
}
