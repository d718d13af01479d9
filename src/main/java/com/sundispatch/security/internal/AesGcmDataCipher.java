package com.sundispatch.security.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.stereotype.Component;

import com.sundispatch.security.DataCipher;
import com.sundispatch.security.Secrets;

/**
 * Format: {@code v2:<kid>:} + base64(12-byte random nonce || ciphertext || 16-byte tag), where {@code kid} is the
 * first 8 hex characters of SHA-256 over a fixed label and the key. The older {@code v1:} format (no key id)
 * stays readable: it is tried under the current and then the previous key, since before rotation existed the
 * only key was whichever one sealed it.
 */
@Component
final class AesGcmDataCipher implements DataCipher {

    private static final String V1 = "v1:";
    private static final String V2 = "v2:";
    private static final int KID_CHARS = 8;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    /** A label so the key id is a hash of nothing else the application computes over the key. */
    private static final byte[] KID_LABEL = "sundispatch-data-key-id:".getBytes(StandardCharsets.UTF_8);

    private final SecretKeySpec current;
    private final String currentId;
    /** Current first, then the previous key if one is configured. */
    private final Map<String, SecretKeySpec> keys = new LinkedHashMap<>();
    private final SecureRandom random = new SecureRandom();

    AesGcmDataCipher(Secrets secrets) {
        byte[] currentKey = secrets.dataKey();
        this.current = new SecretKeySpec(currentKey, "AES");
        this.currentId = keyId(currentKey);
        keys.put(currentId, current);
        secrets.previousDataKey().ifPresent(previous -> keys.putIfAbsent(keyId(previous),
                new SecretKeySpec(previous, "AES")));
    }

    static String keyId(byte[] key) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(KID_LABEL);
            return HexFormat.of().formatHex(sha.digest(key)).substring(0, KID_CHARS);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String keyId() {
        return currentId;
    }

    @Override
    public String encrypt(byte[] plaintext, String context) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, current, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plaintext);
            return V2 + currentId + ":" + Base64.getEncoder().encodeToString(
                    ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Encryption failed", e);
        }
    }

    @Override
    public byte[] decrypt(String ciphertext, String context) {
        if (ciphertext != null && ciphertext.startsWith(V2)) {
            int colon = ciphertext.indexOf(':', V2.length());
            SecretKeySpec key = colon < 0 ? null : keys.get(ciphertext.substring(V2.length(), colon));
            if (key == null) {
                throw new IllegalStateException("Decryption failed: sealed under a key that is not configured");
            }
            return open(key, ciphertext.substring(colon + 1), context);
        }
        if (ciphertext != null && ciphertext.startsWith(V1)) {
            List<IllegalStateException> failures = new ArrayList<>();
            for (SecretKeySpec key : keys.values()) {
                try {
                    return open(key, ciphertext.substring(V1.length()), context);
                } catch (IllegalStateException e) {
                    failures.add(e);
                }
            }
            throw failures.get(0);
        }
        throw new IllegalArgumentException("Unknown ciphertext format");
    }

    @Override
    public boolean isCiphertext(String value) {
        return value != null && (value.startsWith(V1) || value.startsWith(V2));
    }

    @Override
    public boolean isCurrent(String ciphertext) {
        return ciphertext != null && ciphertext.startsWith(V2 + currentId + ":");
    }

    private static byte[] open(SecretKeySpec key, String base64, String context) {
        try {
            byte[] all = Base64.getDecoder().decode(base64);
            if (all.length < NONCE_BYTES) {
                throw new IllegalArgumentException("too short");
            }
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, 0, NONCE_BYTES));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("Decryption failed: wrong key, context or corrupted value", e);
        }
    }
}
