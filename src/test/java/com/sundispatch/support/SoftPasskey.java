package com.sundispatch.support;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A software passkey for tests over HTTP (webauthn4j-test is not published for this version): an EC P-256 key
 * pair that answers registration with attestation "none" and signs assertions, with every field a test may want
 * to get wrong (origin, rp id, flags, counter) in its hands. Binary values are base64url, as browsers send them.
 */
public final class SoftPasskey {

    public static final int UP = 0x01;
    public static final int UV = 0x04;
    public static final int AT = 0x40;

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final KeyPair keys;
    private final byte[] credentialId = new byte[16];
    private byte[] userHandle;
    private long counter;

    public SoftPasskey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            keys = generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        RANDOM.nextBytes(credentialId);
    }

    public String credentialId() {
        return B64.encodeToString(credentialId);
    }

    /** For an authenticator outside this JVM (the mobile app's API tests): the private key, PKCS#8 DER in base64. */
    public String privateKeyPkcs8() {
        return Base64.getEncoder().encodeToString(keys.getPrivate().getEncoded());
    }

    /** The user handle the registration bound this credential to (base64url), null before one. */
    public String userHandle() {
        return userHandle == null ? null : B64.encodeToString(userHandle);
    }

    public long counter() {
        return counter;
    }

    /** The next assertion says this counter (then counts on from it). */
    public void setCounter(long value) {
        counter = value;
    }

    /** The PublicKeyCredential JSON of a new credential for these creation options, as a browser would send it. */
    public Map<String, Object> register(String challenge, String rpId, String origin, int flags) {
        byte[] clientData = clientData("webauthn.create", challenge, origin);
        ByteArrayOutputStream authData = new ByteArrayOutputStream();
        authData.writeBytes(sha256(rpId.getBytes(StandardCharsets.UTF_8)));
        authData.write(flags);
        authData.writeBytes(ByteBuffer.allocate(4).putInt((int) counter).array());
        authData.writeBytes(new byte[16]);
        authData.writeBytes(ByteBuffer.allocate(2).putShort((short) credentialId.length).array());
        authData.writeBytes(credentialId);
        authData.writeBytes(coseKey());
        ByteArrayOutputStream attestation = new ByteArrayOutputStream();
        attestation.write(0xA3);
        text(attestation, "fmt");
        text(attestation, "none");
        text(attestation, "attStmt");
        attestation.write(0xA0);
        text(attestation, "authData");
        bytes(attestation, authData.toByteArray());
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("clientDataJSON", B64.encodeToString(clientData));
        response.put("attestationObject", B64.encodeToString(attestation.toByteArray()));
        response.put("transports", List.of("internal"));
        return credential(response);
    }

    /** The credential of a correct registration (user present and verified) on {@code origin}. */
    public Map<String, Object> register(String challenge, String rpId, String origin, String userHandle) {
        this.userHandle = userHandle == null ? null : Base64.getUrlDecoder().decode(userHandle);
        return register(challenge, rpId, origin, UP | UV | AT);
    }

    /** An assertion for a challenge; the counter grows by one first (unless a test set it). */
    public Map<String, Object> assertion(String challenge, String rpId, String origin, int flags) {
        counter++;
        return signed(challenge, rpId, origin, flags, counter);
    }

    public Map<String, Object> assertion(String challenge, String rpId, String origin) {
        return assertion(challenge, rpId, origin, UP | UV);
    }

    /** An assertion with exactly this counter value (a clone's, or a replay's). */
    public Map<String, Object> signed(String challenge, String rpId, String origin, int flags, long count) {
        byte[] clientData = clientData("webauthn.get", challenge, origin);
        ByteArrayOutputStream authData = new ByteArrayOutputStream();
        authData.writeBytes(sha256(rpId.getBytes(StandardCharsets.UTF_8)));
        authData.write(flags);
        authData.writeBytes(ByteBuffer.allocate(4).putInt((int) count).array());
        byte[] auth = authData.toByteArray();
        byte[] signature;
        try {
            Signature signer = Signature.getInstance("SHA256withECDSA");
            signer.initSign(keys.getPrivate());
            signer.update(auth);
            signer.update(sha256(clientData));
            signature = signer.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("clientDataJSON", B64.encodeToString(clientData));
        response.put("authenticatorData", B64.encodeToString(auth));
        response.put("signature", B64.encodeToString(signature));
        if (userHandle != null) {
            response.put("userHandle", B64.encodeToString(userHandle));
        }
        return credential(response);
    }

    private Map<String, Object> credential(Map<String, Object> response) {
        Map<String, Object> credential = new LinkedHashMap<>();
        credential.put("id", credentialId());
        credential.put("rawId", credentialId());
        credential.put("type", "public-key");
        credential.put("response", response);
        credential.put("clientExtensionResults", Map.of());
        credential.put("authenticatorAttachment", "platform");
        return credential;
    }

    private static byte[] clientData(String type, String challenge, String origin) {
        return ("{\"type\":\"" + type + "\",\"challenge\":\"" + challenge + "\",\"origin\":\"" + origin
                + "\",\"crossOrigin\":false}").getBytes(StandardCharsets.UTF_8);
    }

    /** The public key as a COSE_Key map: kty EC2, alg ES256, crv P-256, x, y. */
    private byte[] coseKey() {
        ECPublicKey pub = (ECPublicKey) keys.getPublic();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0xA5);
        out.write(0x01);
        out.write(0x02);
        out.write(0x03);
        out.write(0x26);
        out.write(0x20);
        out.write(0x01);
        out.write(0x21);
        bytes(out, fixed(pub.getW().getAffineX()));
        out.write(0x22);
        bytes(out, fixed(pub.getW().getAffineY()));
        return out.toByteArray();
    }

    private static byte[] fixed(BigInteger n) {
        byte[] raw = n.toByteArray();
        byte[] out = new byte[32];
        int copy = Math.min(raw.length, 32);
        System.arraycopy(raw, raw.length - copy, out, 32 - copy, copy);
        return out;
    }

    private static void text(ByteArrayOutputStream out, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        header(out, 0x60, b.length);
        out.writeBytes(b);
    }

    private static void bytes(ByteArrayOutputStream out, byte[] b) {
        header(out, 0x40, b.length);
        out.writeBytes(b);
    }

    private static void header(ByteArrayOutputStream out, int major, int length) {
        if (length < 24) {
            out.write(major | length);
        } else if (length < 256) {
            out.write(major | 24);
            out.write(length);
        } else {
            out.write(major | 25);
            out.write(length >> 8);
            out.write(length & 0xFF);
        }
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
