package com.sundispatch.shared;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookSignatureTest {

    private static final byte[] SECRET = "webhook-unit-secret-0123456789abcdef".getBytes(StandardCharsets.UTF_8);
    private static final byte[] BODY = "{\"id\":\"evt_1\"}".getBytes(StandardCharsets.UTF_8);
    private final Instant now = Instant.ofEpochSecond(1_800_000_000L);

    @Test
    void ownSignatureVerifies() {
        assertThat(WebhookSignature.verify(SECRET, WebhookSignature.header(SECRET, now.getEpochSecond(), BODY), BODY,
                now)).isTrue();
    }

    @Test
    void anyChangedByteOfBodyOrSecretFails() {
        String header = WebhookSignature.header(SECRET, now.getEpochSecond(), BODY);
        assertThat(WebhookSignature.verify(SECRET, header, "{\"id\":\"evt_2\"}".getBytes(), now)).isFalse();
        assertThat(WebhookSignature.verify("other-secret".getBytes(), header, BODY, now)).isFalse();
    }

    @Test
    void timestampOutsideFiveMinutesFails() {
        String old = WebhookSignature.header(SECRET, now.getEpochSecond() - 301, BODY);
        String edge = WebhookSignature.header(SECRET, now.getEpochSecond() - 300, BODY);
        String future = WebhookSignature.header(SECRET, now.getEpochSecond() + 301, BODY);
        assertThat(WebhookSignature.verify(SECRET, old, BODY, now)).isFalse();
        assertThat(WebhookSignature.verify(SECRET, edge, BODY, now)).isTrue();
        assertThat(WebhookSignature.verify(SECRET, future, BODY, now)).isFalse();
    }

    @Test
    void malformedHeadersFail() {
        assertThat(WebhookSignature.verify(SECRET, null, BODY, now)).isFalse();
        assertThat(WebhookSignature.verify(SECRET, "garbage", BODY, now)).isFalse();
        assertThat(WebhookSignature.verify(SECRET, "t=1800000000", BODY, now)).isFalse();
        assertThat(WebhookSignature.verify(SECRET, "t=abc,v1=00", BODY, now)).isFalse();
    }
}
