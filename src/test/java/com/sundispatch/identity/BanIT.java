package com.sundispatch.identity;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.sundispatch.support.Api;
import com.sundispatch.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

class BanIT extends IntegrationTest {

    private String idOf(Tokens t) {
        return api.get("/api/v1/me", t.access()).json().path("id").asString();
    }

    @Test
    void banEndsSessionsAtOnceAndRefusesLoginUntilUnban() {
        String email = registerCustomer();
        Tokens user = login(email, PASSWORD);
        String id = idOf(user);
        String admin = adminToken();

        Api.Response ban = api.post("/api/v1/admin/users/" + id + "/ban", Map.of("reason", "fraud"), admin);
        assertThat(ban.status()).as(ban.toString()).isEqualTo(200);
        assertThat(ban.json().path("banned").asBoolean()).isTrue();
        assertThat(api.get("/api/v1/me", user.access()).status()).isEqualTo(401);
        assertThat(api.post("/api/v1/auth/refresh", Map.of("refreshToken", user.refresh())).status()).isEqualTo(401);
        Api.Response login = api.post("/api/v1/auth/login", Map.of("email", email, "password", PASSWORD));
        assertThat(login.status()).isEqualTo(403);
        assertThat(login.code()).isEqualTo("account_banned");

        assertThat(api.post("/api/v1/admin/users/" + id + "/unban", Map.of(), admin).json().path("banned")
                .asBoolean()).isFalse();
        login(email, PASSWORD);
    }

    @Test
    void bannedLoginWithWrongPasswordSaysInvalidCredentialsNotBanned() {
        String email = registerCustomer();
        String id = idOf(login(email, PASSWORD));
        api.post("/api/v1/admin/users/" + id + "/ban", Map.of("reason", "spam"), adminToken());
        assertThat(api.post("/api/v1/auth/login", Map.of("email", email, "password", "Wrong-password-999")).code())
                .isEqualTo("invalid_credentials");
    }

    @Test
    void temporaryBanEndsByItself() {
        String email = registerCustomer();
        String id = idOf(login(email, PASSWORD));
        String until = clock.instant().plus(Duration.ofHours(1)).toString();
        api.post("/api/v1/admin/users/" + id + "/ban", Map.of("reason", "cool-off", "until", until), adminToken());
        assertThat(api.post("/api/v1/auth/login", Map.of("email", email, "password", PASSWORD)).status())
                .isEqualTo(403);
        clock.advance(Duration.ofHours(1).plusSeconds(1));
        assertThat(api.post("/api/v1/auth/login", Map.of("email", email, "password", PASSWORD)).status())
                .isEqualTo(200);
    }

    @Test
    void banWhenNotAdminThen403AndWhenAnonymousThen401() {
        Tokens customer = newCustomerSession();
        String victim = idOf(newCustomerSession());
        assertThat(api.post("/api/v1/admin/users/" + victim + "/ban", Map.of("reason", "x"), customer.access())
                .status()).isEqualTo(403);
        assertThat(api.post("/api/v1/admin/users/" + victim + "/ban", Map.of("reason", "x")).status()).isEqualTo(401);
    }

    @Test
    void banValidation() {
        String admin = adminToken();
        String victim = idOf(newCustomerSession());
        assertThat(api.post("/api/v1/admin/users/" + victim + "/ban", Map.of(), admin).code())
                .isEqualTo("validation_failed");
        assertThat(api.post("/api/v1/admin/users/" + victim + "/ban",
                Map.of("reason", "x", "until", "2001-01-01T00:00:00Z"), admin).code()).isEqualTo("validation_failed");
        assertThat(api.post("/api/v1/admin/users/no-such-user/ban", Map.of("reason", "x"), admin).status())
                .isEqualTo(404);
        String adminId = api.get("/api/v1/me", admin).json().path("id").asString();
        assertThat(api.post("/api/v1/admin/users/" + adminId + "/ban", Map.of("reason", "x"), admin).code())
                .isEqualTo("cannot_ban_self");
    }
}
