package com.sundispatch.identity;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.sundispatch.support.Api;
import com.sundispatch.support.IntegrationTest;
import com.sundispatch.support.TotpCodes;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordChangeIT extends IntegrationTest {

    private static final String NEW_PASSWORD = "Copper-willow-beacon-8842";

    @Test
    void changePasswordWhenCurrentRightThenOtherSessionsEndAndThisOneStays() {
        String email = registerCustomer();
        Tokens here = login(email, PASSWORD);
        Tokens elsewhere = login(email, PASSWORD);
        Api.Response r = api.post("/api/v1/me/password",
                Map.of("currentPassword", PASSWORD, "newPassword", NEW_PASSWORD), here.access());
        assertThat(r.status()).isEqualTo(204);
        assertThat(api.get("/api/v1/me", here.access()).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/me", elsewhere.access()).status()).isEqualTo(401);
        assertThat(api.post("/api/v1/auth/refresh", Map.of("refreshToken", elsewhere.refresh())).status())
                .isEqualTo(401);
        login(email, NEW_PASSWORD);
    }

    @Test
    void changePasswordWhenCurrentWrongThenWrongPassword() {
        Tokens t = newCustomerSession();
        Api.Response r = api.post("/api/v1/me/password",
                Map.of("currentPassword", "Not-my-password-123", "newPassword", NEW_PASSWORD), t.access());
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.code()).isEqualTo("wrong_password");
    }

    @Test
    void changePasswordWhenNewIsWeakThenWeakPassword() {
        Tokens t = newCustomerSession();
        Api.Response r = api.post("/api/v1/me/password",
                Map.of("currentPassword", PASSWORD, "newPassword", "abc"), t.access());
        assertThat(r.code()).isEqualTo("weak_password");
    }

    @Test
    void changePasswordWhenMfaOnThenCodeRequired() {
        String email = registerCustomer();
        Tokens t = login(email, PASSWORD);
        stepUp(t.access());
        String secret = api.post("/api/v1/me/mfa/totp/setup", null, t.access()).json().path("secret").asString();
        long step = TotpCodes.step(clock.instant());
        api.post("/api/v1/me/mfa/totp/enable", Map.of("code", TotpCodes.code(secret, step - 1)), t.access());

        Api.Response noCode = api.post("/api/v1/me/password",
                Map.of("currentPassword", PASSWORD, "newPassword", NEW_PASSWORD), t.access());
        assertThat(noCode.code()).isEqualTo("mfa_required");
        Api.Response withCode = api.post("/api/v1/me/password", Map.of("currentPassword", PASSWORD,
                "newPassword", NEW_PASSWORD, "code", TotpCodes.code(secret, step)), t.access());
        assertThat(withCode.status()).as(withCode.toString()).isEqualTo(204);
    }

    @Test
    void changePasswordWhenAnonymousThen401AndWhenFieldsMissingThen400() {
        assertThat(api.post("/api/v1/me/password", Map.of("currentPassword", "a", "newPassword", "b")).status())
                .isEqualTo(401);
        Tokens t = newCustomerSession();
        assertThat(api.post("/api/v1/me/password", Map.of(), t.access()).code()).isEqualTo("validation_failed");
    }

    @Test
    void changePasswordWhenNewIsBreachedThenWeakPasswordWithReason() {
        Tokens t = newCustomerSession();
        for (String breached : new String[] { "correct horse battery staple", "password123456", "qwertyuiop123" }) {
            Api.Response r = api.post("/api/v1/me/password",
                    Map.of("currentPassword", PASSWORD, "newPassword", breached), t.access());
            assertThat(r.status()).as(breached).isEqualTo(400);
            assertThat(r.code()).as(breached).isEqualTo("weak_password");
        }
        assertThat(api.post("/api/v1/me/password", Map.of("currentPassword", PASSWORD, "newPassword",
                "correct horse battery staple"), t.access()).json().path("detail").asString()).contains("breached");
    }

    @Test
    void changePasswordWhenNewHasLoneSurrogateThenValidationFailedNamingTheField() {
        Tokens t = newCustomerSession();
        Api.Response r = api.post("/api/v1/me/password", "{\"currentPassword\":\"" + PASSWORD
                + "\",\"newPassword\":\"Copper-willow-\\udbff-8842\"}", t.access());
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.code()).isEqualTo("validation_failed");
        assertThat(r.json().path("errors").get(0).path("field").asString()).isEqualTo("newPassword");
    }

    @Test
    void changePasswordWhenFullwidthThenNfkcFormSignsIn() {
        String email = registerCustomer();
        Tokens t = login(email, PASSWORD);
        assertThat(api.post("/api/v1/me/password", Map.of("currentPassword", PASSWORD,
                "newPassword", "Ｃｏｐｐｅｒ－ｗｉｌｌｏｗ－ｂｅａｃｏｎ－８８４２"), t.access()).status()).isEqualTo(204);
        login(email, NEW_PASSWORD);
    }

    @Test
    void changePasswordWhenLockFailsOnceBetweenRowsThenRetriedWhole() {
        String email = registerCustomer();
        Tokens here = login(email, PASSWORD);
        Tokens elsewhere = login(email, PASSWORD);
        writeFaults.failNext("password_change", 1);
        Api.Response r = api.post("/api/v1/me/password",
                Map.of("currentPassword", PASSWORD, "newPassword", NEW_PASSWORD), here.access());
        assertThat(r.status()).as(r.toString()).isEqualTo(204);
        assertThat(api.get("/api/v1/me", elsewhere.access()).status()).isEqualTo(401);
        login(email, NEW_PASSWORD);
    }

    @Test
    void changePasswordWhenLockKeepsFailingThen503ServerBusyAndNothingChanged() {
        String email = registerCustomer();
        Tokens here = login(email, PASSWORD);
        Tokens elsewhere = login(email, PASSWORD);
        writeFaults.failNext("password_change", 100);
        Api.Response r = api.post("/api/v1/me/password",
                Map.of("currentPassword", PASSWORD, "newPassword", NEW_PASSWORD), here.access());
        assertThat(r.status()).isEqualTo(503);
        assertThat(r.code()).isEqualTo("server_busy");
        assertThat(r.header("Retry-After")).isEqualTo("1");
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        writeFaults.disarm();
        // Neither the new password nor the ended sessions were stored.
        assertThat(api.get("/api/v1/me", elsewhere.access()).status()).isEqualTo(200);
        login(email, PASSWORD);
        assertThat(api.post("/api/v1/auth/login", Map.of("email", email, "password", NEW_PASSWORD)).status())
                .isEqualTo(401);
    }
}
