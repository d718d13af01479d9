package com.sundispatch.support;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bootstrap admin as the tests use it: MFA is turned on at first use, then every sign-in takes a TOTP
 * code (or, when the current time step was spent already, one of the recovery codes), like a real admin.
 */
public final class AdminSession {

    private static String secret;
    private static final Deque<String> recoveryCodes = new ArrayDeque<>();
    private static long lastStep = Long.MIN_VALUE;
    private static String token;

    private AdminSession() {
    }

    public static synchronized String token(Api api, MutableClock clock) {
        if (token != null && api.get("/api/v1/admin/users?size=1", token).status() == 200) {
            return token;
        }
        Api.Response login = api.post("/api/v1/auth/login",
                Map.of("email", IntegrationTest.ADMIN_EMAIL, "password", IntegrationTest.ADMIN_PASSWORD));
        assertThat(login.status()).as(login.toString()).isEqualTo(200);
        if (login.json().path("mfaRequired").asBoolean()) {
            Api.Response verified = api.post("/api/v1/auth/mfa/verify",
                    Map.of("mfaToken", login.json().path("mfaToken").asString(), "code", nextCode(clock)));
            assertThat(verified.status()).as(verified.toString()).isEqualTo(200);
            token = verified.json().path("accessToken").asString();
            return token;
        }
        String noMfa = login.json().path("accessToken").asString();
        enableMfa(api, clock, noMfa);
        Api.Response refreshed = api.post("/api/v1/auth/refresh",
                Map.of("refreshToken", login.json().path("refreshToken").asString()));
        assertThat(refreshed.status()).as(refreshed.toString()).isEqualTo(200);
        token = refreshed.json().path("accessToken").asString();
        return token;
    }

    /** Turns MFA on for the session of this token and remembers the secret and recovery codes. */
    public static synchronized void enableMfa(Api api, MutableClock clock, String accessToken) {
        stepUp(api, accessToken);
        Api.Response setup = api.post("/api/v1/me/mfa/totp/setup", null, accessToken);
        assertThat(setup.status()).as(setup.toString()).isEqualTo(200);
        secret = setup.json().path("secret").asString();
        lastStep = Long.MIN_VALUE;
        Api.Response enabled = api.post("/api/v1/me/mfa/totp/enable", Map.of("code", nextCode(clock)), accessToken);
        assertThat(enabled.status()).as(enabled.toString()).isEqualTo(200);
        recoveryCodes.clear();
        enabled.json().path("recoveryCodes").forEach(c -> recoveryCodes.add(c.asString()));
    }

    /** Step-up of this admin session with the admin's password (admin actions and MFA set-up need it). */
    public static void stepUp(Api api, String accessToken) {
        StepUp.withPassword(api, accessToken, IntegrationTest.ADMIN_PASSWORD);
    }

    /** A code the server has not seen (sent at once): the earliest unused step of the window, else a recovery code. */
    public static synchronized String nextCode(MutableClock clock) {
        return code(clock, -1);
    }

    /**
     * A code a browser test types in, seconds later: the current step if unused, else the next one, else a recovery
     * code. Never the previous step: a step boundary passing before the server reads it would make that code two
     * steps old, outside the server's window (a flaky "code not correct").
     */
    public static synchronized String nextCodeToType(MutableClock clock) {
        return code(clock, 0);
    }

    private static String code(MutableClock clock, int from) {
        long step = TotpCodes.step(clock.instant());
        for (long s = step + from; s <= step + 1; s++) {
            if (s > lastStep) {
                lastStep = s;
                return TotpCodes.code(secret, s);
            }
        }
        return recoveryCodes.pop();
    }

    /**
     * The test clock went back to real time after a test moved it ahead: a sign-in in that future recorded a TOTP
     * step the real clock reaches only later, so every current code would be refused as replayed and each admin
     * sign-in would spend a recovery code until none is left. Real time never goes back; the tests' clock does, so
     * the replay mark goes back with it (to just before the current window).
     */
    public static synchronized void rewind(JdbcTemplate jdbc, Instant now) {
        long current = TotpCodes.step(now);
        if (secret == null || lastStep <= current + 1) {
            return;
        }
        // Just before the window the server accepts (the current step and one either side).
        long mark = current - 2;
        lastStep = mark;
        jdbc.update("update users set totp_last_step = ? where email = ? and totp_last_step > ?", mark,
                IntegrationTest.ADMIN_EMAIL, mark);
    }

    /** Forget the cached token (e.g. after a test logged the admin out). */
    public static synchronized void forget() {
        token = null;
    }

    public static synchronized String secret() {
        return secret;
    }
}
