package com.sundispatch.owasp;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.sundispatch.support.AdminSession;
import com.sundispatch.support.Api;
import com.sundispatch.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** A01: deny by default, admin-only paths, roles never taken from the request. */
class A01AccessControlIT extends IntegrationTest {

    @Test
    void adminUsersWhenAnonymousThen401() {
        Api.Response r = api.get("/api/v1/admin/users");
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.header("WWW-Authenticate")).isEqualTo("Bearer");
    }

    @Test
    void adminUsersWhenCustomerThen403Problem() {
        Tokens t = newCustomerSession();
        Api.Response r = api.get("/api/v1/admin/users", t.access());
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.code()).isEqualTo("forbidden");
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void adminUsersWhenBootstrapAdminThenPagedSearch() {
        String email = registerCustomer();
        String admin = adminToken();
        Api.Response r = api.get("/api/v1/admin/users?q=" + email.substring(0, 17) + "&size=500", admin);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.json().path("size").asInt()).isEqualTo(100);
        assertThat(r.json().path("totalItems").asLong()).isEqualTo(1);
        assertThat(r.json().path("items").get(0).path("email").asString()).isEqualTo(email);
        assertThat(r.body()).doesNotContain("password");
    }

    @Test
    void adminUsersWhenSearchIsWildcardThenNotTreatedAsPattern() {
        String admin = adminToken();
        Api.Response r = api.get("/api/v1/admin/users?q=%25%25%25", admin);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().path("totalItems").asLong()).isZero();
    }

    @Test
    void adminUsersWhenPageNegativeThenValidationFailed() {
        String admin = adminToken();
        Api.Response r = api.get("/api/v1/admin/users?page=-1", admin);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.code()).isEqualTo("validation_failed");
    }

    @Test
    void bootstrapAdminHasAdminRoleAndVerifiedEmail() {
        String admin = adminToken();
        Api.Response me = api.get("/api/v1/me", admin);
        assertThat(me.json().path("mfaEnabled").asBoolean()).isTrue();
        assertThat(me.json().path("role").asString()).isEqualTo("ADMIN");
        assertThat(me.json().path("emailVerified").asBoolean()).isTrue();
    }

    @Test
    void unknownApiPathWhenAnonymousThen401AndWhenAuthenticatedThen404() {
        assertThat(api.get("/api/v1/internal/secrets").status()).isEqualTo(401);
        Tokens t = newCustomerSession();
        Api.Response r = api.get("/api/v1/internal/secrets", t.access());
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.code()).isEqualTo("not_found");
    }

    @Test
    void registerWhenRoleAdminInjectedThenRefusedAndNeverApplied() {
        String email = uniqueEmail();
        Api.Response injected = api.post("/api/v1/auth/register",
                Map.of("email", email, "password", PASSWORD, "fullName", "Eve Smith", "role", "ADMIN"));
        assertThat(injected.status()).isEqualTo(400);
        assertThat(injected.code()).isEqualTo("validation_failed");
        assertThat(injected.json().path("errors").get(0).path("field").asString()).isEqualTo("role");

        register(api, email, PASSWORD, "Eve Smith");
        awaitVerificationMail(email);
        Tokens t = login(email, PASSWORD);
        assertThat(api.get("/api/v1/me", t.access()).json().path("role").asString()).isEqualTo("CUSTOMER");
        assertThat(api.get("/api/v1/admin/users", t.access()).status()).isEqualTo(403);
    }

    @Test
    void unmappedAdminPathWhenCustomerThen403NotFound404() {
        Tokens t = newCustomerSession();
        Api.Response r = api.get("/api/v1/admin/no-such-thing", t.access());
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.code()).isEqualTo("forbidden");
    }

    @Test
    void adminWithoutMfaCanOnlyReachOwnAccountAndMfaSetup() {
        String admin = adminToken();
        // Turn the admin's MFA off, sign in again: the new token must not reach admin functions.
        Api.Response off = api.post("/api/v1/me/mfa/totp/disable",
                Map.of("code", AdminSession.nextCode(clock), "password", ADMIN_PASSWORD), admin);
        assertThat(off.status()).as(off.toString()).isEqualTo(204);
        Tokens noMfa = login(ADMIN_EMAIL, ADMIN_PASSWORD);
        try {
            Api.Response users = api.get("/api/v1/admin/users", noMfa.access());
            assertThat(users.status()).isEqualTo(403);
            assertThat(users.code()).isEqualTo("mfa_setup_required");
            assertThat(api.patch("/api/v1/me", Map.of("fullName", "Root"), noMfa.access()).code())
                    .isEqualTo("mfa_setup_required");
            assertThat(api.get("/api/v1/me", noMfa.access()).status()).isEqualTo(200);
        } finally {
            AdminSession.enableMfa(api, clock, noMfa.access());
            AdminSession.forget();
        }
        Api.Response refreshed = api.post("/api/v1/auth/refresh", Map.of("refreshToken", noMfa.refresh()));
        assertThat(api.get("/api/v1/admin/users", refreshed.json().path("accessToken").asString()).status())
                .isEqualTo(200);
    }

    @Test
    void publicPathsAnswerWithoutToken() {
        assertThat(api.get("/api/v1/public/info").status()).isEqualTo(200);
        assertThat(api.send("HEAD", "/api/v1/public/info", null, null, Map.of()).status()).isEqualTo(200);
        assertThat(api.send("HEAD", "/actuator/health", null, null, Map.of()).status()).isEqualTo(200);
        assertThat(api.get("/actuator/health").status()).isEqualTo(200);
        assertThat(api.get("/v3/api-docs").status()).isEqualTo(200);
    }
}
