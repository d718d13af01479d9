package com.sundispatch.identity;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.sundispatch.support.Api;
import com.sundispatch.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

class LoginAndSessionIT extends IntegrationTest {

    @Test
    void loginWhenCredentialsRightThenTokensAndHardenedCookie() {
        String email = registerCustomer();
        Api.Response r = api.post("/api/v1/auth/login", Map.of("email", email, "password", PASSWORD));

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().path("tokenType").asString()).isEqualTo("Bearer");
        assertThat(r.json().path("expiresIn").asLong()).isEqualTo(900);
        assertThat(r.json().path("accessToken").asString()).contains(".");
        String refresh = r.json().path("refreshToken").asString();
        assertThat(refresh).hasSizeGreaterThanOrEqualTo(43);
        String cookie = r.header("Set-Cookie");
        assertThat(cookie).startsWith("sd_refresh=" + refresh).contains("HttpOnly", "Secure", "SameSite=Strict",
                "Path=/api/v1/auth");
        assertThat(r.header("Cache-Control")).contains("no-store");
    }

    @Test
    void loginFromTheWebClientKeepsTheRefreshTokenInTheCookieOnly() {
        String email = registerCustomer();
        Api.Response r = api.send("POST", "/api/v1/auth/login", Map.of("email", email, "password", PASSWORD), null,
                Map.of("X-Requested-With", "SunDispatch"));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().path("refreshToken").isNull()).isTrue();
        assertThat(r.json().path("accessToken").asString()).isNotBlank();
        assertThat(r.header("Set-Cookie")).startsWith("sd_refresh=").contains("HttpOnly");
    }

    @Test
    void loginWhenEmailHasOtherCaseThenAccepted() {
        String email = registerCustomer();
        assertThat(api.post("/api/v1/auth/login", Map.of("email", " " + email.toUpperCase(), "password", PASSWORD))
                .status()).isEqualTo(200);
    }

    @Test
    void loginWhenPasswordWrongOrEmailUnknownThenSameAnswer() {
        String email = registerCustomer();
        Api.Response wrong = api.post("/api/v1/auth/login", Map.of("email", email, "password", PASSWORD + "x"));
        Api.Response unknown = api.post("/api/v1/auth/login",
                Map.of("email", uniqueEmail(), "password", PASSWORD));

        assertThat(wrong.status()).isEqualTo(401);
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(wrong.code()).isEqualTo("invalid_credentials");
        assertThat(wrong.json().path("detail")).isEqualTo(unknown.json().path("detail"));
        assertThat(wrong.json().path("title")).isEqualTo(unknown.json().path("title"));
    }

    @Test
    void loginWhenBodyIncompleteThenValidationFailed() {
        Api.Response r = api.post("/api/v1/auth/login", Map.of("email", "someone@example.test"));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.code()).isEqualTo("validation_failed");
        assertThat(r.json().path("errors").get(0).path("field").asString()).isEqualTo("password");
    }

    @Test
    void meWhenLoggedInThenOwnAccountWithoutHash() {
        String email = registerCustomer();
        Tokens t = login(email, PASSWORD);
        Api.Response me = api.get("/api/v1/me", t.access());
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().path("email").asString()).isEqualTo(email);
        assertThat(me.json().path("role").asString()).isEqualTo("CUSTOMER");
        assertThat(me.json().path("mfaEnabled").asBoolean()).isFalse();
        assertThat(me.json().has("createdAt")).isTrue();
        assertThat(me.body()).doesNotContain("password", "$2");
        assertThat(me.header("Cache-Control")).contains("no-store");
    }

    @Test
    void refreshWhenTokenValidThenNewPairAndOldTokenDead() {
        Tokens t = newCustomerSession();
        Api.Response first = api.post("/api/v1/auth/refresh", Map.of("refreshToken", t.refresh()));
        assertThat(first.status()).isEqualTo(200);
        String newRefresh = first.json().path("refreshToken").asString();
        String newAccess = first.json().path("accessToken").asString();
        assertThat(newRefresh).isNotEqualTo(t.refresh());
        assertThat(api.get("/api/v1/me", newAccess).status()).isEqualTo(200);

        Api.Response again = api.post("/api/v1/auth/refresh", Map.of("refreshToken", t.refresh()));
        assertThat(again.status()).isEqualTo(401);
        assertThat(again.code()).isEqualTo("invalid_token");
    }

    @Test
    void refreshWhenRotatedTokenReplayedThenWholeSessionRevoked() {
        Tokens t = newCustomerSession();
        Api.Response rotated = api.post("/api/v1/auth/refresh", Map.of("refreshToken", t.refresh()));
        String liveRefresh = rotated.json().path("refreshToken").asString();
        String liveAccess = rotated.json().path("accessToken").asString();

        // An attacker replays the stolen, already-used token.
        assertThat(api.post("/api/v1/auth/refresh", Map.of("refreshToken", t.refresh())).status()).isEqualTo(401);

        // The legitimate holder's newer tokens die with the session.
        assertThat(api.post("/api/v1/auth/refresh", Map.of("refreshToken", liveRefresh)).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/me", liveAccess).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/me", t.access()).status()).isEqualTo(401);
    }

    @Test
    void refreshWhenCookieOnlyThenAcceptedWithTheClientHeaderOnly() {
        Tokens t = newCustomerSession();
        Api.Response forged = api.send("POST", "/api/v1/auth/refresh", null, null,
                Map.of("Cookie", "sd_refresh=" + t.refresh()));
        assertThat(forged.status()).isEqualTo(403);
        assertThat(forged.code()).isEqualTo("csrf_header_required");
        Api.Response r = api.send("POST", "/api/v1/auth/refresh", null, null,
                Map.of("Cookie", "sd_refresh=" + t.refresh(), "X-Requested-With", "SunDispatch"));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
    }

    @Test
    void refreshWhenTokenUnknownOrMissingThen401() {
        assertThat(api.post("/api/v1/auth/refresh", Map.of("refreshToken", "made-up")).code())
                .isEqualTo("invalid_token");
        assertThat(api.post("/api/v1/auth/refresh", null).status()).isEqualTo(401);
    }

    @Test
    void refreshWhenIdleLongerThanSevenDaysThen401() {
        Tokens t = newCustomerSession();
        clock.advance(java.time.Duration.ofDays(7).plusMinutes(1));
        assertThat(api.post("/api/v1/auth/refresh", Map.of("refreshToken", t.refresh())).status()).isEqualTo(401);
    }

    @Test
    void logoutThenAccessTokenRefusedAtOnceAndRefreshDead() {
        Tokens t = newCustomerSession();
        assertThat(api.get("/api/v1/me", t.access()).status()).isEqualTo(200);

        Api.Response out = api.post("/api/v1/auth/logout", null, t.access());
        assertThat(out.status()).isEqualTo(204);
        assertThat(out.header("Set-Cookie")).contains("sd_refresh=", "Max-Age=0");

        Api.Response after = api.get("/api/v1/me", t.access());
        assertThat(after.status()).isEqualTo(401);
        assertThat(after.header("WWW-Authenticate")).startsWith("Bearer");
        assertThat(api.post("/api/v1/auth/refresh", Map.of("refreshToken", t.refresh())).status()).isEqualTo(401);
    }

    @Test
    void logoutWhenNoTokenThen401() {
        Api.Response r = api.post("/api/v1/auth/logout", null);
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.header("WWW-Authenticate")).isEqualTo("Bearer");
    }

    @Test
    void logoutOfOneSessionLeavesOtherSessionsAlive() {
        String email = registerCustomer();
        Tokens phone = login(email, PASSWORD);
        Tokens laptop = login(email, PASSWORD);
        api.post("/api/v1/auth/logout", null, phone.access());
        assertThat(api.get("/api/v1/me", laptop.access()).status()).isEqualTo(200);
    }
}
