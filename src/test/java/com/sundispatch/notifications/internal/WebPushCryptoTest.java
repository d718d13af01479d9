package com.sundispatch.notifications.internal;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.util.Arrays;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WebPushCryptoTest {

    private static byte[] b64(String text) {
        return Base64.getUrlDecoder().decode(text);
    }

    /** RFC 8291 Appendix A: the published example (its keys are public test values), byte for byte. */
    @Test
    void encryptionReproducesTheExampleOfRfc8291AppendixA() {
        ECPrivateKey senderPrivate = WebPushCrypto.privateKey(b64("yfWPiYE-n46HLnH0KqZOF1fJJU3MYrct3AELtAQ-oRw"));
        ECPublicKey senderPublic = WebPushCrypto.publicKey(b64(
                "BP4z9KsN6nGRTbVYI_c7VJSPQTBtkgcy27mlmlMoZIIgDll6e3vCYLocInmYWAmS6TlzAC8wEqKK6PBru3jl7A8"));
        byte[] body = WebPushCrypto.encrypt("When I grow up, I want to be a watermelon".getBytes(StandardCharsets.UTF_8),
                b64("BCVxsr7N_eNgVRqvHtD0zTZsEc6-VV-JvLexhqUzORcxaOzi6-AYWXvTBHm4bjyPjs7Vd8pZGH6SRpkNtoIAiw4"),
                b64("BTBZMqHH6r4Tts7J_aSIgg"), new KeyPair(senderPublic, senderPrivate),
                b64("DGv6ra1nlYgDCS1FRnbzlw"));
        assertThat(WebPushCrypto.base64Url(body)).isEqualTo("DGv6ra1nlYgDCS1FRnbzlwAAEABBBP4z9KsN6nGRTbVYI_c7VJSPQT"
                + "Btkgcy27mlmlMoZIIgDll6e3vCYLocInmYWAmS6TlzAC8wEqKK6PBru3jl7A_yl95bQpu6cVPTpK4Mqgkf1CXztLVBSt2Ks3oZwbuw"
                + "XPXLWyouBWLVWGNWQexSgSxsj_Qulcy4a-fN");
    }

    @Test
    void rawKeysRoundTripAndTheDerivedPublicKeyMatchesThePrivateOne() {
        KeyPair pair = WebPushCrypto.generateKeyPair();
        byte[] rawPublic = WebPushCrypto.rawPublicKey((ECPublicKey) pair.getPublic());
        byte[] rawPrivate = WebPushCrypto.rawPrivateKey((ECPrivateKey) pair.getPrivate());
        assertThat(rawPublic).hasSize(65);
        assertThat(rawPublic[0]).isEqualTo((byte) 4);
        assertThat(rawPrivate).hasSize(32);
        ECPublicKey publicKey = WebPushCrypto.publicKey(rawPublic);
        ECPrivateKey privateKey = WebPushCrypto.privateKey(rawPrivate);
        assertThat(WebPushCrypto.matches(privateKey, publicKey)).isTrue();
        assertThat(WebPushCrypto.matches(privateKey,
                (ECPublicKey) WebPushCrypto.generateKeyPair().getPublic())).isFalse();
    }

    @Test
    void pointsOffTheCurveAndWrongLengthsAreRefused() {
        byte[] raw = WebPushCrypto.rawPublicKey((ECPublicKey) WebPushCrypto.generateKeyPair().getPublic());
        byte[] offCurve = raw.clone();
        offCurve[64] ^= 1;
        assertThatThrownBy(() -> WebPushCrypto.publicKey(offCurve)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> WebPushCrypto.publicKey(Arrays.copyOf(raw, 64)))
                .isInstanceOf(IllegalArgumentException.class);
        byte[] compressed = raw.clone();
        compressed[0] = 3;
        assertThatThrownBy(() -> WebPushCrypto.publicKey(compressed)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> WebPushCrypto.privateKey(new byte[32])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void jwtIsAnEs256SignatureInJoseFormVerifiableWithThePublicKey() throws Exception {
        KeyPair pair = WebPushCrypto.generateKeyPair();
        String jwt = WebPushCrypto.signJwt("{\"typ\":\"JWT\",\"alg\":\"ES256\"}", "{\"aud\":\"https://push.example\"}",
                (ECPrivateKey) pair.getPrivate());
        String[] parts = jwt.split("\\.");
        assertThat(parts).hasSize(3);
        byte[] signature = b64(parts[2]);
        assertThat(signature).hasSize(64);
        Signature verifier = Signature.getInstance("SHA256withECDSAinP1363Format");
        verifier.initVerify(pair.getPublic());
        verifier.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertThat(verifier.verify(signature)).isTrue();
        assertThat(new String(b64(parts[1]), StandardCharsets.UTF_8)).isEqualTo("{\"aud\":\"https://push.example\"}");
    }

    @Test
    void browsersPaddedOrStandardBase64IsReadToo() {
        byte[] bytes = new BigInteger("123456789abcdef0fedcba9876543210", 16).toByteArray();
        String padded = Base64.getEncoder().encodeToString(bytes);
        assertThat(WebPushCrypto.decodeBase64Url(padded)).isEqualTo(bytes);
    }

    @Test
    void topicIsTheTagWhenSafeAndItsHashOtherwise() {
        assertThat(WebPushSender.topic("order-42_paid")).isEqualTo("order-42_paid");
        String hashed = WebPushSender.topic("job:4b8a1c3e-0000-4000-8000-000000000001:started");
        assertThat(hashed).hasSize(32).matches("[A-Za-z0-9_-]+");
        assertThat(WebPushSender.topic("job:4b8a1c3e-0000-4000-8000-000000000001:started")).isEqualTo(hashed);
        assertThat(WebPushSender.topic(null)).isNull();
    }

    @Test
    void audienceIsTheEndpointOriginWithoutPath() {
        assertThat(WebPushSender.origin("https://fcm.googleapis.com/fcm/send/abc")).isEqualTo("https://fcm.googleapis.com");
        assertThat(WebPushSender.origin("https://push.example:443/x")).isEqualTo("https://push.example");
        assertThat(WebPushSender.origin("http://receiver.test:8123/push/1")).isEqualTo("http://receiver.test:8123");
    }

    @Test
    void defaultSubjectIsTheMailSenderAddress() {
        assertThat(PushVapidKeys.subject("", "SunDispatch <no-reply@sundispatch.example>"))
                .isEqualTo("mailto:no-reply@sundispatch.example");
        assertThat(PushVapidKeys.subject("", "ops@sundispatch.example")).isEqualTo("mailto:ops@sundispatch.example");
        assertThat(PushVapidKeys.subject("https://sundispatch.example/contact", "x@y.z"))
                .isEqualTo("https://sundispatch.example/contact");
        assertThatThrownBy(() -> PushVapidKeys.subject("ops@sundispatch.example", "x@y.z"))
                .isInstanceOf(IllegalStateException.class);
    }
}
