package com.sundispatch.notifications.internal;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPrivateKeySpec;
import java.security.spec.ECPublicKeySpec;
import java.util.Arrays;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The cryptography of Web Push with the JDK alone: P-256 keys in the raw forms browsers use (65-byte uncompressed
 * points, 32-byte private scalars, base64url), RFC 8291 message encryption in the aes128gcm content coding
 * (RFC 8188) and the ES256 signature of an RFC 8292 VAPID token.
 */
final class WebPushCrypto {

    /** The record size announced in the aes128gcm header; one record always holds the whole message. */
    static final int RECORD_SIZE = 4096;
    /** Plaintext bytes that fit one record: the record size minus the delimiter octet and the GCM tag. */
    static final int MAX_PLAINTEXT = RECORD_SIZE - 1 - 16;

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final ECParameterSpec P256 = p256();
    // y^2 = x^3 - 3x + b over the prime field of P-256 (SEC 2), to refuse points that are not on the curve.
    private static final BigInteger P = new BigInteger(
            "ffffffff00000001000000000000000000000000ffffffffffffffffffffffff", 16);
    private static final BigInteger B = new BigInteger(
            "5ac635d8aa3a93e7b3ebbd55769886bc651d06b0cc53b0f63bce3c3e27d2604b", 16);

    private WebPushCrypto() {
    }

    private static ECParameterSpec p256() {
        try {
            AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
            parameters.init(new ECGenParameterSpec("secp256r1"));
            return parameters.getParameterSpec(ECParameterSpec.class);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("P-256 is not available in this JDK", e);
        }
    }

    static byte[] decodeBase64Url(String text) {
        // Browsers send base64url without padding; some libraries pad or use the standard alphabet.
        String normalized = text.trim().replace('+', '-').replace('/', '_');
        while (normalized.endsWith("=")) {
            normalized = normalized.substring(0, normalized.length() - 1);
        }
        return Base64.getUrlDecoder().decode(normalized);
    }

    static String base64Url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static KeyPair generateKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("P-256 key generation failed", e);
        }
    }

    /** A public key from its 65-byte uncompressed form; {@link IllegalArgumentException} unless a P-256 point. */
    static ECPublicKey publicKey(byte[] raw) {
        if (raw.length != 65 || raw[0] != 0x04) {
            throw new IllegalArgumentException("not an uncompressed P-256 point");
        }
        BigInteger x = new BigInteger(1, Arrays.copyOfRange(raw, 1, 33));
        BigInteger y = new BigInteger(1, Arrays.copyOfRange(raw, 33, 65));
        if (x.compareTo(P) >= 0 || y.compareTo(P) >= 0) {
            throw new IllegalArgumentException("coordinate outside the field");
        }
        BigInteger left = y.modPow(BigInteger.TWO, P);
        BigInteger right = x.pow(3).subtract(x.multiply(BigInteger.valueOf(3))).add(B).mod(P);
        if (!left.equals(right)) {
            throw new IllegalArgumentException("point not on P-256");
        }
        try {
            return (ECPublicKey) KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(new ECPoint(x, y), P256));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not a P-256 public key", e);
        }
    }

    /** A private key from its 32-byte scalar; {@link IllegalArgumentException} when out of range. */
    static ECPrivateKey privateKey(byte[] raw) {
        BigInteger d = new BigInteger(1, raw);
        if (raw.length != 32 || d.signum() == 0 || d.compareTo(P256.getOrder()) >= 0) {
            throw new IllegalArgumentException("not a P-256 private scalar");
        }
        try {
            return (ECPrivateKey) KeyFactory.getInstance("EC").generatePrivate(new ECPrivateKeySpec(d, P256));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not a P-256 private key", e);
        }
    }

    static byte[] rawPublicKey(ECPublicKey key) {
        byte[] raw = new byte[65];
        raw[0] = 0x04;
        fixed32(key.getW().getAffineX(), raw, 1);
        fixed32(key.getW().getAffineY(), raw, 33);
        return raw;
    }

    static byte[] rawPrivateKey(ECPrivateKey key) {
        byte[] raw = new byte[32];
        fixed32(key.getS(), raw, 0);
        return raw;
    }

    private static void fixed32(BigInteger value, byte[] target, int offset) {
        byte[] bytes = value.toByteArray();
        int length = Math.min(bytes.length, 32);
        System.arraycopy(bytes, bytes.length - length, target, offset + 32 - length, length);
    }

    /** RFC 8291 with a fresh sender key pair and salt for every message. */
    static byte[] encrypt(byte[] plaintext, byte[] receiverPublic, byte[] authSecret) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return encrypt(plaintext, receiverPublic, authSecret, generateKeyPair(), salt);
    }

    /**
     * RFC 8291 section 3.4: the shared ECDH secret and the receiver's auth secret give the input keying
     * material; the salt, via HKDF, the content key and the nonce of the one aes128gcm record.
     */
    static byte[] encrypt(byte[] plaintext, byte[] receiverPublic, byte[] authSecret, KeyPair sender, byte[] salt) {
        if (plaintext.length > MAX_PLAINTEXT) {
            throw new IllegalArgumentException("message longer than one record");
        }
        try {
            ECPublicKey receiver = publicKey(receiverPublic);
            KeyAgreement agreement = KeyAgreement.getInstance("ECDH");
            agreement.init(sender.getPrivate());
            agreement.doPhase(receiver, true);
            byte[] ecdhSecret = agreement.generateSecret();
            byte[] senderPublic = rawPublicKey((ECPublicKey) sender.getPublic());

            byte[] keyInfo = concat("WebPush: info\0".getBytes(StandardCharsets.US_ASCII), receiverPublic, senderPublic);
            byte[] ikm = hkdf(authSecret, ecdhSecret, keyInfo, 32);
            byte[] cek = hkdf(salt, ikm, "Content-Encoding: aes128gcm\0".getBytes(StandardCharsets.US_ASCII), 16);
            byte[] nonce = hkdf(salt, ikm, "Content-Encoding: nonce\0".getBytes(StandardCharsets.US_ASCII), 12);

            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(cek, "AES"), new GCMParameterSpec(128, nonce));
            // 0x02: the delimiter of the last (here: only) record, no padding after it.
            byte[] record = cipher.doFinal(concat(plaintext, new byte[] { 2 }));

            ByteBuffer body = ByteBuffer.allocate(16 + 4 + 1 + senderPublic.length + record.length);
            body.put(salt).putInt(RECORD_SIZE).put((byte) senderPublic.length).put(senderPublic).put(record);
            return body.array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Web Push encryption failed", e);
        }
    }

    /** HKDF-SHA-256 (RFC 5869) for outputs of at most one hash length, which is all Web Push needs. */
    static byte[] hkdf(byte[] salt, byte[] ikm, byte[] info, int length) throws GeneralSecurityException {
        Mac extract = Mac.getInstance("HmacSHA256");
        extract.init(new SecretKeySpec(salt, "HmacSHA256"));
        byte[] prk = extract.doFinal(ikm);
        Mac expand = Mac.getInstance("HmacSHA256");
        expand.init(new SecretKeySpec(prk, "HmacSHA256"));
        expand.update(info);
        expand.update((byte) 1);
        return Arrays.copyOf(expand.doFinal(), length);
    }

    /** ES256 over "header.claims": the JOSE form of the signature is r and s, 32 bytes each (RFC 7518 3.4). */
    static String signJwt(String headerJson, String claimsJson, ECPrivateKey key) {
        String signingInput = base64Url(headerJson.getBytes(StandardCharsets.UTF_8)) + "."
                + base64Url(claimsJson.getBytes(StandardCharsets.UTF_8));
        try {
            Signature signature = Signature.getInstance("SHA256withECDSAinP1363Format");
            signature.initSign(key, RANDOM);
            signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + base64Url(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("VAPID signing failed", e);
        }
    }

    /** Whether the two keys belong together: a signature by one verifies with the other. */
    static boolean matches(ECPrivateKey privateKey, ECPublicKey publicKey) {
        try {
            byte[] probe = "sundispatch-vapid-key-check".getBytes(StandardCharsets.US_ASCII);
            Signature signer = Signature.getInstance("SHA256withECDSA");
            signer.initSign(privateKey, RANDOM);
            signer.update(probe);
            Signature verifier = Signature.getInstance("SHA256withECDSA");
            verifier.initVerify(publicKey);
            verifier.update(probe);
            return verifier.verify(signer.sign());
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
