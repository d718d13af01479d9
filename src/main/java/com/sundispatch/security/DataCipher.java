package com.sundispatch.security;

/**
 * AES-256-GCM encryption of secrets that must be read back (TOTP secrets, webhook secrets) under
 * {@code SUNDISPATCH_DATA_KEY}. The context (e.g. "totp:" + user id) is authenticated, so a ciphertext
 * copied to another row does not decrypt.
 */
public interface DataCipher {

    String encrypt(byte[] plaintext, String context);

    byte[] decrypt(String ciphertext, String context);
}
