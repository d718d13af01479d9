package com.sundispatch.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Subscriptions may only point at the browsers' own push services. */
class PushPropertiesTest {

    private final PushProperties properties = new PushProperties("", "", "", Duration.ofHours(24),
            List.of("fcm.googleapis.com", "*.push.services.mozilla.com", "*.push.apple.com"));

    @Test
    void knownPushServicesAndTheirSubdomainsAreAllowed() {
        assertThat(properties.allowsServiceHost("fcm.googleapis.com")).isTrue();
        assertThat(properties.allowsServiceHost("updates.push.services.mozilla.com")).isTrue();
        assertThat(properties.allowsServiceHost("web.push.apple.com")).isTrue();
    }

    @Test
    void lookalikesAndOtherHostsAreRefused() {
        assertThat(properties.allowsServiceHost("evilfcm.googleapis.com")).isFalse();
        assertThat(properties.allowsServiceHost("fcm.googleapis.com.attacker.net")).isFalse();
        assertThat(properties.allowsServiceHost("evilpush.apple.com")).isFalse();
        assertThat(properties.allowsServiceHost("push.services.mozilla.com.evil")).isFalse();
        assertThat(properties.allowsServiceHost("(no host)")).isFalse();
    }
}
