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

    @Test
    void identicalSecretsAreNamedPairByPair() {
        java.util.Map<String, String> values = new java.util.LinkedHashMap<>();
        values.put("A", "same-value");
        values.put("B", "other-value");
        values.put("C", "same-value");
        values.put("D", "");
        values.put("E", "");
        assertThat(SecretsConfiguration.identical(values)).containsExactly("A and C are identical (each secret must "
                + "be its own value)");
    }

    @Test
    void deploymentNeedsAllowedHostsAndAnHttpsPublicBaseUrl() {
        assertThat(SecretsConfiguration.deploymentProblems("shop.example", "https://shop.example")).isEmpty();
        assertThat(SecretsConfiguration.deploymentProblems(" , ", "https://shop.example"))
                .singleElement().asString().startsWith("SUNDISPATCH_ALLOWED_HOSTS is missing");
        for (String bad : new String[] { null, "", "http://shop.example", "https://localhost:8080",
                "https://user:pw@shop.example", "ftp://shop.example", "https://", "::" }) {
            assertThat(SecretsConfiguration.deploymentProblems("shop.example", bad)).as(bad)
                    .singleElement().asString().startsWith("SUNDISPATCH_PUBLIC_BASE_URL is missing or not an https");
        }
    }
}
