package com.sundispatch.monitoring.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The quick check before the regular expressions may only skip text that they would leave as it is. */
class LogRedactorQuickCheckTest {

    @Test
    void typicalRequestLogValuesSkipTheRegularExpressions() {
        for (String v : List.of("GET", "/api/v1/me", "request", "127.0.0.1", "2001:db8::1".replace(":", "."),
                "0b5e5f9e-6f2a-4c1e-9d39-3f0e2a7c1b44", "http-nio-8080-exec-12", "sundispatch.request")) {
            assertThat(LogRedactor.cannotHoldSecret(v)).as(v).isTrue();
            assertThat(LogRedactor.redact(v)).isEqualTo(v);
        }
    }

    @Test
    void everythingARegularExpressionWouldChangeTakesTheFullPath() {
        for (String v : List.of("eyJhbGciOi.eyJzdWIiOi.sig", "Bearer abcdefgh123", "basic dXNlcjpwYXNz",
                "password=hunter2", "token: x", "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP",
                "4111 1111 1111 1111", "4111-1111-1111-1111", "whsec_abcdefghijklmnopqrstu",
                "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "x_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
                "ExponentPushToken[xxxxxxxxxxxxxxxxxxxxxx]", "ExpoPushToken[abc]")) {
            assertThat(LogRedactor.cannotHoldSecret(v)).as(v).isFalse();
        }
    }

    @Test
    void randomTextTheQuickCheckPassesIsNeverChangedByTheFullRedaction() {
        // Characters the patterns care about, weighted so that near-misses (12 digits, 42-character runs) occur.
        String alphabet = "0123456789 -_ABCDEFGHJKLMNPQRSTUVWXYZ234567abcdefeyJ.:=/whsecbearerbasic";
        Random random = new Random(20);
        List<String> passed = new ArrayList<>();
        for (int i = 0; i < 200_000; i++) {
            int length = 1 + random.nextInt(60);
            StringBuilder b = new StringBuilder(length);
            char run = alphabet.charAt(random.nextInt(alphabet.length()));
            for (int j = 0; j < length; j++) {
                b.append(random.nextInt(4) == 0 ? run : alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String text = random.nextInt(3) == 0 ? "4111111111111111".substring(random.nextInt(8)) + b : b.toString();
            if (LogRedactor.cannotHoldSecret(text)) {
                passed.add(text);
                assertThat(LogRedactor.redactFully(text)).as(text).isEqualTo(text);
            }
        }
        assertThat(passed).hasSizeGreaterThan(1_000);
    }
}
