package com.sundispatch.security.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

import com.sundispatch.security.Secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AesGcmDataCipherTest {

    private static byte[] key(String name) {
        return Arrays.copyOf(name.getBytes(StandardCharsets.UTF_8), 32);
    }

    private static AesGcmDataCipher cipher(String key) {
        byte[] k = key(key);
        return new AesGcmDataCipher(new Secrets(k, k, k, k));
    }

    private static AesGcmDataCipher rotating(String current, String previous) {
        byte[] k = key(current);
        return new AesGcmDataCipher(new Secrets(k, k, k, k, key(previous)));
    }

    /** What the cipher wrote before key ids existed: {@code v1:} + base64(nonce || ciphertext || tag). */
    private static String legacyV1(String key, byte[] plaintext, String context) throws Exception {
        byte[] nonce = new byte[12];
        Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
        c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key(key), "AES"), new GCMParameterSpec(128, nonce));
        c.updateAAD(context.getBytes(StandardCharsets.UTF_8));
        byte[] sealed = c.doFinal(plaintext);
        return "v1:" + Base64.getEncoder().encodeToString(
                ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array());
    }

    private final AesGcmDataCipher cipher = cipher("unit-test-data-key");

    @Test
    void roundTripsWithAFreshNonceEachTimeAndNamesTheKey() {
        byte[] secret = "totp-secret-bytes".getBytes(StandardCharsets.UTF_8);
        String a = cipher.encrypt(secret, "totp:u1");
        String b = cipher.encrypt(secret, "totp:u1");
        assertThat(a).startsWith("v2:" + cipher.keyId() + ":").isNotEqualTo(b);
        assertThat(cipher.decrypt(a, "totp:u1")).isEqualTo(secret);
        assertThat(cipher.isCurrent(a)).isTrue();
        assertThat(cipher.isCiphertext(a)).isTrue();
        assertThat(cipher.isCiphertext("+49 30 1234567")).isFalse();
    }

    @Test
    void keyIdIsEightHexCharactersOfALabelledHashNotTheKey() throws Exception {
        assertThat(cipher.keyId()).matches("[0-9a-f]{8}");
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        String plainHash = HexFormat.of().formatHex(sha.digest(key("unit-test-data-key"))).substring(0, 8);
        assertThat(cipher.keyId()).isNotEqualTo(plainHash)
                .isNotEqualTo(HexFormat.of().formatHex(key("unit-test-data-key")).substring(0, 8));
        assertThat(cipher("another-key").keyId()).isNotEqualTo(cipher.keyId());
        assertThat(cipher("unit-test-data-key").keyId()).isEqualTo(cipher.keyId());
    }

    @Test
    void oldV1ValuesStayReadableUnderTheCurrentOrThePreviousKey() throws Exception {
        byte[] secret = { 9, 8, 7 };
        assertThat(cipher("key-a").decrypt(legacyV1("key-a", secret, "c"), "c")).isEqualTo(secret);
        assertThat(rotating("key-b", "key-a").decrypt(legacyV1("key-a", secret, "c"), "c")).isEqualTo(secret);
        assertThat(cipher("key-a").isCurrent(legacyV1("key-a", secret, "c"))).isFalse();
        assertThatThrownBy(() -> cipher("key-b").decrypt(legacyV1("key-a", secret, "c"), "c"))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void previousKeyDecryptsButNeverEncrypts() {
        AesGcmDataCipher a = cipher("key-a");
        AesGcmDataCipher bWithA = rotating("key-b", "key-a");
        String underA = a.encrypt(new byte[] { 1 }, "c");
        assertThat(bWithA.decrypt(underA, "c")).containsExactly(1);
        assertThat(bWithA.isCurrent(underA)).isFalse();
        String underB = bWithA.encrypt(new byte[] { 1 }, "c");
        assertThat(underB).startsWith("v2:" + cipher("key-b").keyId() + ":");
        assertThat(cipher("key-b").decrypt(underB, "c")).containsExactly(1);
        assertThatThrownBy(() -> cipher("key-b").decrypt(underA, "c"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("not configured");
    }

    @Test
    void ciphertextMovedToAnotherRowDoesNotDecrypt() {
        String sealed = cipher.encrypt(new byte[] { 1, 2, 3 }, "totp:u1");
        assertThatThrownBy(() -> cipher.decrypt(sealed, "totp:u2")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void tamperedWrongKeyOrForgedKeyIdFails() {
        String sealed = cipher.encrypt(new byte[] { 1, 2, 3 }, "c");
        char last = sealed.charAt(sealed.length() - 2);
        String tampered = sealed.substring(0, sealed.length() - 2) + (last == 'A' ? 'B' : 'A')
                + sealed.charAt(sealed.length() - 1);
        assertThatThrownBy(() -> cipher.decrypt(tampered, "c")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> cipher("another-key").decrypt(sealed, "c")).isInstanceOf(IllegalStateException.class);
        String relabelled = "v2:" + cipher("another-key").keyId() + sealed.substring(3 + 8);
        assertThatThrownBy(() -> cipher.decrypt(relabelled, "c")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> cipher.decrypt("v2:nocolon", "c")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> cipher.decrypt("plain", "c")).isInstanceOf(IllegalArgumentException.class);
    }
}
