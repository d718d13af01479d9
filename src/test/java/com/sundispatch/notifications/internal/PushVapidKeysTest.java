package com.sundispatch.notifications.internal;

import java.security.KeyPair;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PushVapidKeysTest {

    private static final MailSettings MAIL = new MailSettings("SunDispatch <no-reply@sundispatch.example>",
            "./data/outbox");

    private static PushVapidKeys keys(String publicKey, String privateKey, String... profiles) {
        MockEnvironment environment = new MockEnvironment();
        environment.setActiveProfiles(profiles);
        return new PushVapidKeys(new PushProperties(publicKey, privateKey, "", Duration.ofHours(24), List.of("fcm.googleapis.com")), MAIL, environment);
    }

    private static String[] generated() {
        KeyPair pair = WebPushCrypto.generateKeyPair();
        return new String[] { WebPushCrypto.base64Url(WebPushCrypto.rawPublicKey((ECPublicKey) pair.getPublic())),
                WebPushCrypto.base64Url(WebPushCrypto.rawPrivateKey((ECPrivateKey) pair.getPrivate())) };
    }

    @Test
    void configuredKeysAreUsedAsGiven() {
        String[] pair = generated();
        PushVapidKeys keys = keys(pair[0], pair[1], "prod");
        assertThat(keys.publicKey()).contains(pair[0]);
        assertThat(keys.identity().orElseThrow().subject()).isEqualTo("mailto:no-reply@sundispatch.example");
    }

    @Test
    void withoutKeysDevelopmentMakesAPairAndProductionTurnsPushOff() {
        assertThat(keys("", "").publicKey()).isPresent();
        assertThat(keys("", "").publicKey()).isNotEqualTo(keys("", "").publicKey());
        assertThat(keys("", "", "prod").publicKey()).isEmpty();
    }

    @Test
    void keysThatDoNotBelongTogetherOrHalfAPairStopTheStart() {
        String[] one = generated();
        String[] other = generated();
        assertThatThrownBy(() -> keys(one[0], other[1])).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("does not belong");
        assertThatThrownBy(() -> keys(one[0], "")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> keys("", one[1], "prod")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> keys("AAAA", one[1])).isInstanceOf(IllegalStateException.class)
                .hasMessageNotContaining(one[1]);
    }
}
