package com.sundispatch.security.internal;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import com.sundispatch.security.Secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AesGcmDataCipherTest {

    private static AesGcmDataCipher cipher(String key) {
        byte[] k = java.util.Arrays.copyOf(key.getBytes(StandardCharsets.UTF_8), 32);
        return new AesGcmDataCipher(new Secrets(k, k, k, k));
    }

    private final AesGcmDataCipher cipher = cipher("unit-test-data-key");

    @Test
    void roundTripsWithAFreshNonceEachTime() {
        byte[] secret = "totp-secret-bytes".getBytes(StandardCharsets.UTF_8);
        String a = cipher.encrypt(secret, "totp:u1");
        String b = cipher.encrypt(secret, "totp:u1");
        assertThat(a).startsWith("v1:").isNotEqualTo(b);
        assertThat(cipher.decrypt(a, "totp:u1")).isEqualTo(secret);
    }

    @Test
    void ciphertextMovedToAnotherRowDoesNotDecrypt() {
        String sealed = cipher.encrypt(new byte[] { 1, 2, 3 }, "totp:u1");
        assertThatThrownBy(() -> cipher.decrypt(sealed, "totp:u2")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void tamperedOrWrongKeyFails() {
        String sealed = cipher.encrypt(new byte[] { 1, 2, 3 }, "c");
        char last = sealed.charAt(sealed.length() - 2);
        String tampered = sealed.substring(0, sealed.length() - 2) + (last == 'A' ? 'B' : 'A') + sealed.charAt(sealed.length() - 1);
        assertThatThrownBy(() -> cipher.decrypt(tampered, "c")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> cipher("another-key").decrypt(sealed, "c")).isInstanceOf(IllegalStateException.class);
    }
}
