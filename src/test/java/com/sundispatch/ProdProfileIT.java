package com.sundispatch;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * With the prod profile, a missing, weak or reused secret, missing allowed hosts or a non-https public base URL
 * stop start-up with one message naming every problem; a complete configuration starts.
 */
class ProdProfileIT {

    /** Secrets are given under their environment-variable names, as an operator would set them. */
    private static SpringApplicationBuilder prod(String... properties) {
        return new SpringApplicationBuilder(SunDispatchApplication.class).profiles("prod").properties(
                "server.port=0",
                "spring.datasource.url=jdbc:h2:mem:prodcheck;MODE=MySQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
                "SUNDISPATCH_JWT_SECRET=q3Jx9vR2mZ8pL5wT1nB7cK4hF6dS0gYa+u/E=",
                "SUNDISPATCH_PASSWORD_PEPPER=p9Lk2Jh7Gf4Ds1Az8Qw5Er3Ty6Ui0OpX+c/V=",
                "SUNDISPATCH_DATA_KEY=m1Nb4Vc7Xz0Lk3Jh6Gf9Ds2Aq5Wr8Ey+t/U=",
                "SUNDISPATCH_PAYMENT_WEBHOOK_SECRET=",
                "SUNDISPATCH_ALLOWED_HOSTS=sundispatch.example",
                "SUNDISPATCH_PUBLIC_BASE_URL=https://sundispatch.example")
                .properties(properties);
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = { "SUNDISPATCH_JWT_SECRET", "SUNDISPATCH_PASSWORD_PEPPER",
            "SUNDISPATCH_DATA_KEY" })
    void startWhenAnySecretMissingOrChangemeInProdThenRefusedNamingIt(String name) {
        String valid = "SUNDISPATCH_PAYMENT_WEBHOOK_SECRET=w4Ee7Rr0Tt3Yy6Uu9Ii2Oo5Pp8Aa+s/D=";
        assertThatThrownBy(() -> prod(valid, name + "=").run().close())
                .hasStackTraceContaining(name + " is missing");
        assertThatThrownBy(() -> prod(valid, name + "=changeme").run().close())
                .hasStackTraceContaining(name + " is a known default");
        assertThatThrownBy(() -> prod(valid, name + "=short-but-not-32-bytes").run().close())
                .hasStackTraceContaining(name + " is too short");
    }

    private static final String VALID_WEBHOOK_SECRET =
            "SUNDISPATCH_PAYMENT_WEBHOOK_SECRET=w4Ee7Rr0Tt3Yy6Uu9Ii2Oo5Pp8Aa+s/D=";

    @Test
    void startWhenProdConfigurationIsCompleteThenItRuns() {
        try (ConfigurableApplicationContext context = prod(VALID_WEBHOOK_SECRET).run()) {
            assertThat(context.isRunning()).isTrue();
        }
    }

    @Test
    void startWhenAllowedHostsMissingInProdThenRefusedNamingIt() {
        assertThatThrownBy(() -> prod(VALID_WEBHOOK_SECRET, "SUNDISPATCH_ALLOWED_HOSTS=").run().close())
                .hasStackTraceContaining("SUNDISPATCH_ALLOWED_HOSTS is missing");
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "http://sundispatch.example", "https://localhost:8080", "not a url" })
    void startWhenPublicBaseUrlMissingOrNotHttpsInProdThenRefusedNamingIt(String url) {
        assertThatThrownBy(() -> prod(VALID_WEBHOOK_SECRET, "SUNDISPATCH_PUBLIC_BASE_URL=" + url).run().close())
                .hasStackTraceContaining("SUNDISPATCH_PUBLIC_BASE_URL is missing or not an https URL");
    }

    @Test
    void startWhenTwoSecretsAreIdenticalInProdThenRefusedNamingThePair() {
        assertThatThrownBy(() -> prod("SUNDISPATCH_PAYMENT_WEBHOOK_SECRET=m1Nb4Vc7Xz0Lk3Jh6Gf9Ds2Aq5Wr8Ey+t/U=").run()
                .close()).hasStackTraceContaining(
                        "SUNDISPATCH_DATA_KEY and SUNDISPATCH_PAYMENT_WEBHOOK_SECRET are identical");
    }

    @Test
    void startWhenEverythingIsWrongInProdThenOneMessageNamesEveryProblem() {
        String same = "k8Jh3Gf6Ds9Aq2Wr5Ey8Tu1Io4Pl7Zx+c/V=";
        assertThatThrownBy(() -> prod("SUNDISPATCH_JWT_SECRET=" + same, "SUNDISPATCH_PASSWORD_PEPPER=" + same,
                "SUNDISPATCH_DATA_KEY=" + same, "SUNDISPATCH_PAYMENT_WEBHOOK_SECRET=" + same,
                "SUNDISPATCH_ALLOWED_HOSTS=", "SUNDISPATCH_PUBLIC_BASE_URL=http://localhost:8080").run().close())
                .satisfies(e -> {
                    Throwable root = e;
                    while (root.getCause() != null && !root.getMessage().startsWith("Refusing to start")) {
                        root = root.getCause();
                    }
                    // One exception, one message: every problem in it.
                    assertThat(root.getMessage()).startsWith("Refusing to start").contains(
                            "SUNDISPATCH_JWT_SECRET and SUNDISPATCH_PASSWORD_PEPPER are identical",
                            "SUNDISPATCH_JWT_SECRET and SUNDISPATCH_DATA_KEY are identical",
                            "SUNDISPATCH_JWT_SECRET and SUNDISPATCH_PAYMENT_WEBHOOK_SECRET are identical",
                            "SUNDISPATCH_PASSWORD_PEPPER and SUNDISPATCH_DATA_KEY are identical",
                            "SUNDISPATCH_PASSWORD_PEPPER and SUNDISPATCH_PAYMENT_WEBHOOK_SECRET are identical",
                            "SUNDISPATCH_DATA_KEY and SUNDISPATCH_PAYMENT_WEBHOOK_SECRET are identical",
                            "SUNDISPATCH_ALLOWED_HOSTS is missing",
                            "SUNDISPATCH_PUBLIC_BASE_URL is missing or not an https URL");
                });
    }

    @Test
    void startWhenDevAllowListSetInProdThenRefused() {
        assertThatThrownBy(() -> prod("SUNDISPATCH_PAYMENT_WEBHOOK_SECRET=w4Ee7Rr0Tt3Yy6Uu9Ii2Oo5Pp8Aa+s/D=",
                "sundispatch.outbound.dev-allowed-hosts=localhost").run().close())
                .hasStackTraceContaining("dev-allowed-hosts must be empty");
    }

    @Test
    void startWhenSecretMissingInProdThenRefusedNamingIt() {
        assertThatThrownBy(() -> prod().run().close())
                .hasStackTraceContaining("SUNDISPATCH_PAYMENT_WEBHOOK_SECRET is missing");
    }

    @Test
    void startWhenSecretIsKnownDefaultInProdThenRefused() {
        assertThatThrownBy(() -> prod("SUNDISPATCH_PAYMENT_WEBHOOK_SECRET=changeme").run().close())
                .hasStackTraceContaining("SUNDISPATCH_PAYMENT_WEBHOOK_SECRET is a known default");
    }

    @Test
    void startWhenSecretShortInProdThenRefused() {
        assertThatThrownBy(() -> prod("SUNDISPATCH_JWT_SECRET=Zq8#kL2@vN5!rT7$wY1^",
                "SUNDISPATCH_PAYMENT_WEBHOOK_SECRET=w4Ee7Rr0Tt3Yy6Uu9Ii2Oo5Pp8Aa+s/D=").run().close())
                .hasStackTraceContaining("SUNDISPATCH_JWT_SECRET is too short");
    }
}
