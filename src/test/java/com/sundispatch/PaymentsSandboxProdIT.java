package com.sundispatch;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import com.sundispatch.support.Api;
import com.sundispatch.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The prod profile has no self-confirmable sandbox unless SUNDISPATCH_PAYMENTS_SANDBOX_ENABLED=true says so:
 * paying answers 503 payments_unavailable (never silently the sandbox) and the sandbox confirm does not exist.
 */
@ExtendWith(OutputCaptureExtension.class)
class PaymentsSandboxProdIT {

    private static ConfigurableApplicationContext prod(String... properties) {
        return new SpringApplicationBuilder(SunDispatchApplication.class).profiles("prod").properties(
                "server.port=0",
                "spring.datasource.url=jdbc:h2:mem:prodpay-" + UUID.randomUUID()
                        + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1",
                "SUNDISPATCH_JWT_SECRET=" + randomSecret(),
                "SUNDISPATCH_PASSWORD_PEPPER=" + randomSecret(),
                "SUNDISPATCH_DATA_KEY=" + randomSecret(),
                "SUNDISPATCH_PAYMENT_WEBHOOK_SECRET=" + randomSecret(),
                // Prod refuses to start without these (finding 13); the tests call the server as "localhost".
                "SUNDISPATCH_ALLOWED_HOSTS=localhost", "SUNDISPATCH_PUBLIC_BASE_URL=https://sundispatch.example",
                "spring.mail.host=127.0.0.1", "spring.mail.port=1")
                .properties(properties).run();
    }

    private static Api api(ConfigurableApplicationContext context) {
        return new Api(Integer.parseInt(context.getEnvironment().getProperty("local.server.port")));
    }

    @Test
    void prodWithoutTheVariableRefusesSandboxPaymentsAndConfirm(CapturedOutput output) {
        try (ConfigurableApplicationContext context = prod()) {
            Api api = api(context);
            assertThat(api.get("/api/v1/public/info").json().path("paymentsTestMode").asBoolean(true)).isFalse();
            String email = "prod-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
            assertThat(api.post("/api/v1/auth/register", Map.of("email", email, "password", IntegrationTest.PASSWORD,
                    "fullName", "Ada Lovelace")).status()).isIn(201, 202);
            String access = signInOnceCreated(api, email);

            Api.Response pay = api.post("/api/v1/orders/" + UUID.randomUUID() + "/payments", null, access);
            assertThat(pay.status()).as(pay.toString()).isEqualTo(503);
            assertThat(pay.code()).isEqualTo("payments_unavailable");
            Api.Response confirm = api.post("/api/v1/payments/sandbox/" + UUID.randomUUID() + "/confirm", Map.of(),
                    access);
            assertThat(confirm.status()).as(confirm.toString()).isEqualTo(404);
            assertThat(confirm.code()).isEqualTo("not_found");
            assertThat(api.post("/api/v1/payments/sandbox/" + UUID.randomUUID() + "/confirm", Map.of(), null)
                    .status()).isEqualTo(401);
        }
        assertThat(output.getAll()).doesNotContain("PAYMENTS TEST MODE");
    }

    @Test
    void prodWithTheVariableSetWarnsAtStartAndAnnouncesTestMode(CapturedOutput output) {
        try (ConfigurableApplicationContext context = prod("SUNDISPATCH_PAYMENTS_SANDBOX_ENABLED=true")) {
            assertThat(output.getAll().lines().filter(l -> l.contains("PAYMENTS TEST MODE")).toList())
                    .singleElement().asString().contains("\"level\":\"WARN\"");
            assertThat(api(context).get("/api/v1/public/info").json().path("paymentsTestMode").asBoolean()).isTrue();
        }
    }

    /** Registration finishes after its 202 (the account is created off the request thread): sign in once it exists. */
    private static String signInOnceCreated(Api api, String email) {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (true) {
            Api.Response login = api.post("/api/v1/auth/login", Map.of("email", email, "password",
                    IntegrationTest.PASSWORD));
            if (login.status() == 200 || System.nanoTime() > deadline) {
                assertThat(login.status()).as(login.toString()).isEqualTo(200);
                return login.json().path("accessToken").asString();
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** A fresh random secret per run: nothing secret-looking is committed, and prod's checks see real randomness. */
    private static String randomSecret() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }
}
