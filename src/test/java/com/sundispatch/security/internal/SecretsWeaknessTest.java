package com.sundispatch.security.internal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SecretsWeaknessTest {

    @Test
    void missingSecretIsNamedMissing() {
        assertThat(SecretsConfiguration.weakness(null)).isEqualTo("is missing");
        assertThat(SecretsConfiguration.weakness("  ")).isEqualTo("is missing");
    }

    @Test
    void knownDefaultsAreRefusedWhateverTheirLength() {
        assertThat(SecretsConfiguration.weakness("changeme")).contains("known default");
        assertThat(SecretsConfiguration.weakness("please-changeme-before-production-0123456789"))
                .contains("known default");
    }

    @Test
    void fewerThan32BytesIsTooShort() {
        assertThat(SecretsConfiguration.weakness("Zq8#kL2@vN5!rT7$wY1^")).contains("too short");
    }

    @Test
    void repetitiveValueIsNotRandomEnough() {
        assertThat(SecretsConfiguration.weakness("abababababababababababababababababab")).contains("not random");
    }

    @Test
    void longRandomValueIsAccepted() {
        assertThat(SecretsConfiguration.weakness("q3Jx9vR2mZ8pL5wT1nB7cK4hF6dS0gYa+u/E=")).isNull();
    }
}
