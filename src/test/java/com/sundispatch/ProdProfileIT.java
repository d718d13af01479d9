package com.sundispatch;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** With the prod profile, a missing or weak secret stops start-up with a message naming it. */
class ProdProfileIT {

    /** Secrets are given under their environment-variable names, as an operator would set them. */
    private static SpringApplicationBuilder prod(String... properties) {
        return new SpringApplicationBuilder(SunDispatchApplication.class).profiles("prod").properties(
                "server.port=0",
                "spring.datasource.url=jdbc:h2:mem:prodcheck;MODE=MySQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
                "SUNDISPATCH_JWT_SECRET=q3Jx9vR2mZ8pL5wT1nB7cK4hF6dS0gYa+u/E=",
                "SUNDISPATCH_PASSWORD_PEPPER=p9Lk2Jh7Gf4Ds1Az8Qw5Er3Ty6Ui0OpX+c/V=",
                "SUNDISPATCH_DATA_KEY=m1Nb4Vc7Xz0Lk3Jh6Gf9Ds2Aq5Wr8Ey+t/U=",
                "SUNDISPATCH_PAYMENT_WEBHOOK_SECRET=")
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
