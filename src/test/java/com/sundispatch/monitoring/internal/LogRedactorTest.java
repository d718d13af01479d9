package com.sundispatch.monitoring.internal;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.slf4j.event.KeyValuePair;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.LoggingEvent;

import static org.assertj.core.api.Assertions.assertThat;

class LogRedactorTest {

    @Test
    void expoPushTokensAreRemovedInBothSpellings() {
        assertThat(LogRedactor.redact("push to ExponentPushToken[xxxxxxxxxxxxxxxxxxxxxx] failed"))
                .isEqualTo("push to [REDACTED_PUSH_TOKEN] failed");
        assertThat(LogRedactor.redact("\"to\":\"ExpoPushToken[a1b2c3]\""))
                .doesNotContain("a1b2c3");
    }

    @Test
    void jwtsAndBearerCredentialsAreRemoved() {
        String jwt = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U";
        assertThat(LogRedactor.redact("token " + jwt + " used")).isEqualTo("token [REDACTED_JWT] used");
        assertThat(LogRedactor.redact("Authorization: Bearer abc.def-ghi_jkl123"))
                .doesNotContain("abc.def-ghi_jkl123");
    }

    @Test
    void secretLookingPairsAreRemovedWhateverTheirSpelling() {
        assertThat(LogRedactor.redact("password=Sunny-meadow-2931 user=ada")).isEqualTo(
                "password=[REDACTED] user=ada");
        assertThat(LogRedactor.redact("{\"refreshToken\":\"abc123\",\"x\":1}")).doesNotContain("abc123");
        assertThat(LogRedactor.redact("code: 123456")).doesNotContain("123456");
        assertThat(LogRedactor.redact("Cookie: sd_refresh=xyz")).doesNotContain("xyz");
    }

    @Test
    void opaqueTokensAndTotpSecretsAreRemoved() {
        String token = "q3Jx9vR2mZ8pL5wT1nB7cK4hF6dS0gYaQ3Jx9vR2mZ8";
        assertThat(token).hasSize(43);
        assertThat(LogRedactor.redact("link #token=" + token)).doesNotContain(token);
        assertThat(LogRedactor.redact("hook secret whsec_" + token + " saved")).doesNotContain(token).doesNotContain("whsec_q");
        assertThat(LogRedactor.redact("secret JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP here"))
                .doesNotContain("JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP");
    }

    @Test
    void cardNumbersPassingLuhnAreRemovedOtherDigitRunsStay() {
        assertThat(LogRedactor.redact("card 4111 1111 1111 1111 end")).isEqualTo("card [REDACTED_PAN] end");
        assertThat(LogRedactor.redact("card 4111-1111-1111-1111")).contains("[REDACTED_PAN]");
        assertThat(LogRedactor.redact("id 4111111111111112")).contains("4111111111111112");
        assertThat(LogRedactor.redact("took 1234 ms")).isEqualTo("took 1234 ms");
        // Digits inside ids are not card numbers (this UUID holds a Luhn-valid run "85-4120-8019-1558456").
        String uuid = "3253e69b-3f85-4120-8019-1558456a0c57";
        assertThat(LogRedactor.redact("\"userId\":\"" + uuid + "\"")).contains(uuid);
    }

    @Test
    void jsonEscapingKeepsEveryValueOnOneLine() {
        String forged = "agent\n{\"level\":\"ERROR\",\"message\":\"forged\"}\r\u0007";
        String escaped = RedactingJsonFormatter.escape(forged);
        assertThat(escaped).doesNotContain("\n", "\r", "\u0007").contains("\\n{\\\"level\\\"");
    }

    @Test
    void aNumberJsonCannotHoldGoesOutAsTextSoTheLineStaysJson() {
        LoggingEvent event = new LoggingEvent();
        event.setLevel(Level.INFO);
        event.setLoggerName("test");
        event.setThreadName("main");
        event.setMessage("ratio");
        event.setTimeStamp(0);
        event.setMDCPropertyMap(Map.of());
        event.addKeyValuePair(new KeyValuePair("ratio", Double.NaN));
        event.addKeyValuePair(new KeyValuePair("count", 3));
        String line = new RedactingJsonFormatter().format(event);
        assertThat(line).contains("\"ratio\":\"NaN\"").contains("\"count\":3");
    }
}
