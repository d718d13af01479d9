package com.sundispatch.monitoring;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sundispatch.support.Api;
import com.sundispatch.support.IntegrationTest;
import com.sundispatch.support.Mailbox;
import com.sundispatch.support.TotpCodes;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Repeated suspicious activity on one account locks it for an hour: sessions end, sign-in waits, owner mailed. */
class EscalationIT extends IntegrationTest {

    private static final AtomicInteger HOURS = new AtomicInteger(20_000);

    @BeforeEach
    void ownHours() {
        clock.advance(Duration.ofHours(HOURS.addAndGet(50)));
    }

    private String userId(String access) {
        return api.get("/api/v1/me", access).json().path("id").asString();
    }

    private void presentRefreshTokenTwice(String email) {
        Tokens t = login(email, PASSWORD);
        assertThat(api.post("/api/v1/auth/refresh", Map.of("refreshToken", t.refresh())).status()).isEqualTo(200);
        assertThat(api.post("/api/v1/auth/refresh", Map.of("refreshToken", t.refresh())).status()).isEqualTo(401);
    }

    @Test
    void secondRefreshTokenReuseWithinADayLocksTheAccountForAnHour() {
        String email = registerCustomer();
        presentRefreshTokenTwice(email);
        // One signal: a warning (the alert), no lock.
        Tokens live = login(email, PASSWORD);
        String userId = userId(live.access());

        clock.advance(Duration.ofHours(3));
        presentRefreshTokenTwice(email);

        // Every session ended at once.
        assertThat(api.get("/api/v1/me", live.access()).status()).isEqualTo(401);
        assertThat(api.post("/api/v1/auth/refresh", Map.of("refreshToken", live.refresh())).status()).isEqualTo(401);
        // Sign-in refused (even with the right password) until the lock ends.
        Api.Response refused = api.post("/api/v1/auth/login", Map.of("email", email, "password", PASSWORD));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.code()).isEqualTo("account_locked");
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(3500L, 3600L);

        String mail = Mailbox.body(Mailbox.await(email, "locked"));
        assertThat(mail).contains("signed out", "reset your", "You can sign in again after");

        String admin = adminToken();
        JsonNode alert = null;
        for (JsonNode a : api.get("/api/v1/admin/alerts?type=ACCOUNT_LOCKED&size=100", admin).json().path("items")) {
            if (a.path("subject").asString().equals(userId)) {
                alert = a;
            }
        }
        assertThat(alert).isNotNull();
        assertThat(alert.path("severity").asString()).isEqualTo("HIGH");
        assertThat(api.get("/api/v1/admin/audit-events?type=ACCOUNT_LOCKED&userId=" + userId, admin).json()
                .path("totalItems").asLong()).isEqualTo(1);
        assertThat(api.get("/api/v1/admin/audit-events?type=LOGIN_FAILED&userId=" + userId, admin).body())
                .contains("locked");

        clock.advance(Duration.ofHours(1).plusSeconds(1));
        assertThat(api.post("/api/v1/auth/login", Map.of("email", email, "password", PASSWORD)).status())
                .isEqualTo(200);
    }

    @Test
    void accessDeniedFlagFiringTwiceInADayLocksTheAccount() {
        String email = registerCustomer();
        Tokens t = login(email, PASSWORD);
        for (int i = 0; i < 30; i++) {
            assertThat(api.get("/api/v1/admin/users", t.access()).status()).isEqualTo(403);
        }
        // Flagged once: still signed in.
        assertThat(api.get("/api/v1/me", t.access()).status()).isEqualTo(200);
        clock.advance(Duration.ofMinutes(30));
        Tokens again = login(email, PASSWORD);
        for (int i = 0; i < 30; i++) {
            api.get("/api/v1/admin/users", again.access());
        }
        assertThat(api.get("/api/v1/me", again.access()).status()).isEqualTo(401);
        assertThat(api.post("/api/v1/auth/login", Map.of("email", email, "password", PASSWORD)).code())
                .isEqualTo("account_locked");
        Mailbox.await(email, "locked");
    }

    @Test
    void signalsMoreThanADayApartDoNotLock() {
        String email = registerCustomer();
        presentRefreshTokenTwice(email);
        clock.advance(Duration.ofDays(3));
        presentRefreshTokenTwice(email);
        assertThat(api.post("/api/v1/auth/login", Map.of("email", email, "password", PASSWORD)).status())
                .isEqualTo(200);
    }

    @Test
    void tenWrongTwoFactorCodesWithinADayLockTheAccount() {
        String email = registerCustomer();
        Tokens t = login(email, PASSWORD);
        stepUp(t.access());
        String secret = api.post("/api/v1/me/mfa/totp/setup", null, t.access()).json().path("secret").asString();
        assertThat(api.post("/api/v1/me/mfa/totp/enable", Map.of("code", TotpCodes.code(secret,
                TotpCodes.step(clock.instant()) - 1)), t.access()).status()).isEqualTo(200);
        for (int batch = 0; batch < 2; batch++) {
            // Someone with the password guesses codes, waiting out the sign-in throttle between guesses.
            clock.advance(Duration.ofMinutes(20));
            String mfaToken = api.post("/api/v1/auth/login", Map.of("email", email, "password", PASSWORD)).json()
                    .path("mfaToken").asString();
            for (int i = 0; i < 5; i++) {
                // Longer than the throttle's wait (at most 16 s here), well within the 5-minute challenge.
                clock.advance(Duration.ofSeconds(40));
                assertThat(api.post("/api/v1/auth/mfa/verify", Map.of("mfaToken", mfaToken, "code", "000000"))
                        .code()).isEqualTo("invalid_mfa_code");
            }
        }
        clock.advance(Duration.ofMinutes(20));
        Api.Response refused = api.post("/api/v1/auth/login", Map.of("email", email, "password", PASSWORD));
        assertThat(refused.code()).as(refused.toString()).isEqualTo("account_locked");
        Mailbox.await(email, "locked");
    }
}
