package com.sundispatch.owasp;

import java.util.Map;

import org.junit.jupiter.api.Test;

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
        Tokens admin = login(ADMIN_EMAIL, ADMIN_PASSWORD);
        Api.Response r = api.get("/api/v1/admin/users?q=" + email.substring(0, 17) + "&size=500", admin.access());
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.json().path("size").asInt()).isEqualTo(100);
        assertThat(r.json().path("totalItems").asLong()).isEqualTo(1);
        assertThat(r.json().path("items").get(0).path("email").asString()).isEqualTo(email);
        assertThat(r.body()).doesNotContain("password");
    }

    @Test
    void adminUsersWhenSearchIsWildcardThenNotTreatedAsPattern() {
        Tokens admin = login(ADMIN_EMAIL, ADMIN_PASSWORD);
        Api.Response r = api.get("/api/v1/admin/users?q=%25%25%25", admin.access());
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().path("totalItems").asLong()).isZero();
    }

    @Test
    void adminUsersWhenPageNegativeThenValidationFailed() {
        Tokens admin = login(ADMIN_EMAIL, ADMIN_PASSWORD);
        Api.Response r = api.get("/api/v1/admin/users?page=-1", admin.access());
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.code()).isEqualTo("validation_failed");
    }

    @Test
    void bootstrapAdminHasAdminRoleAndVerifiedEmail() {
        Tokens admin = login(ADMIN_EMAIL, ADMIN_PASSWORD);
        Api.Response me = api.get("/api/v1/me", admin.access());
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
    void registerWhenRoleAdminInjectedThenNeverApplied() {
        String email = uniqueEmail();
        api.post("/api/v1/auth/register",
                Map.of("email", email, "password", PASSWORD, "fullName", "Eve Smith", "role", "ADMIN"));
        Api.Response r = api.post("/api/v1/auth/register",
                Map.of("email", email, "password", PASSWORD, "fullName", "Eve Smith"));
        assertThat(r.json().path("role").asString()).isEqualTo("CUSTOMER");
    }

    @Test
    void publicPathsAnswerWithoutToken() {
        assertThat(api.get("/api/v1/public/info").status()).isEqualTo(200);
        assertThat(api.get("/actuator/health").status()).isEqualTo(200);
        assertThat(api.get("/v3/api-docs").status()).isEqualTo(200);
    }
}
