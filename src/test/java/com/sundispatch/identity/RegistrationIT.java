package com.sundispatch.identity;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.sundispatch.support.Api;
import com.sundispatch.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

class RegistrationIT extends IntegrationTest {

    @Test
    void registerWhenValidThenCreatedCustomerWithoutSecrets() {
        String email = uniqueEmail();
        Api.Response r = api.post("/api/v1/auth/register",
                Map.of("email", email.toUpperCase(), "password", PASSWORD, "fullName", "Grace Hopper"));

        assertThat(r.status()).isEqualTo(201);
        assertThat(r.json().path("id").asString()).hasSize(36);
        assertThat(r.json().path("email").asString()).isEqualTo(email);
        assertThat(r.json().path("role").asString()).isEqualTo("CUSTOMER");
        assertThat(r.json().path("emailVerified").asBoolean()).isFalse();
        assertThat(r.json().path("fullName").asString()).isEqualTo("Grace Hopper");
        assertThat(r.body()).doesNotContain("password", "hash", PASSWORD);
    }

    @Test
    void registerWhenEmailTakenThen409() {
        String email = registerCustomer();
        Api.Response r = api.post("/api/v1/auth/register",
                Map.of("email", email, "password", PASSWORD, "fullName", "Someone Else"));
        assertThat(r.status()).isEqualTo(409);
        assertThat(r.code()).isEqualTo("email_taken");
    }

    @Test
    void registerWhenPasswordShortThenWeakPasswordWithReason() {
        Api.Response r = api.post("/api/v1/auth/register",
                Map.of("email", uniqueEmail(), "password", "Short-1", "fullName", "Grace Hopper"));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        assertThat(r.code()).isEqualTo("weak_password");
        assertThat(r.json().path("detail").asString()).contains("at least 12 characters");
    }

    @Test
    void registerWhenPasswordCommonThenWeakPassword() {
        Api.Response r = api.post("/api/v1/auth/register",
                Map.of("email", uniqueEmail(), "password", "password1234", "fullName", "Grace Hopper"));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.code()).isEqualTo("weak_password");
        assertThat(r.json().path("detail").asString()).contains("too easy to guess");
    }

    @Test
    void registerWhenPasswordContainsNameThenWeakPassword() {
        Api.Response r = api.post("/api/v1/auth/register",
                Map.of("email", uniqueEmail(), "password", "Hopper-Meadow-Lantern-77", "fullName", "Grace Hopper"));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.code()).isEqualTo("weak_password");
        assertThat(r.json().path("detail").asString()).contains("name");
    }

    @Test
    void registerWhenEmailInvalidThenValidationFailedNamingTheField() {
        Api.Response r = api.post("/api/v1/auth/register",
                Map.of("email", "not-an-email", "password", PASSWORD, "fullName", "Grace Hopper"));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.code()).isEqualTo("validation_failed");
        assertThat(r.json().path("errors").get(0).path("field").asString()).isEqualTo("email");
    }

    @Test
    void registerWhenFieldsMissingThenValidationFailedForEach() {
        Api.Response r = api.post("/api/v1/auth/register", Map.of());
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.code()).isEqualTo("validation_failed");
        assertThat(r.body()).contains("\"email\"", "\"password\"", "\"fullName\"");
    }

    @Test
    void registerWhenRoleInBodyThenRejectedAndNoAccountCreated() {
        String email = uniqueEmail();
        Api.Response r = api.post("/api/v1/auth/register",
                Map.of("email", email, "password", PASSWORD, "fullName", "Mallory Admin", "role", "ADMIN"));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.code()).isEqualTo("validation_failed");
        assertThat(r.json().path("errors").get(0).path("field").asString()).isEqualTo("role");

        Api.Response login = api.post("/api/v1/auth/login", Map.of("email", email, "password", PASSWORD));
        assertThat(login.status()).isEqualTo(401);
    }

    @Test
    void registerWhenNameHasMarkupThenValidationFailed() {
        Api.Response r = api.post("/api/v1/auth/register",
                Map.of("email", uniqueEmail(), "password", PASSWORD, "fullName", "<script>alert(1)</script>"));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.code()).isEqualTo("validation_failed");
    }

    @Test
    void registerWhenEmailHasThousandsOfLabelsThenValidationFailedNot500() {
        // 4 KB of "a." once overflowed the regex engine's stack inside Bean Validation.
        String email = "a@" + "a.".repeat(20_000) + "com";
        Api.Response r = api.post("/api/v1/auth/register",
                Map.of("email", email, "password", PASSWORD, "fullName", "Grace Hopper"));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.code()).isEqualTo("validation_failed");
    }
}
