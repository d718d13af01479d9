package com.sundispatch.identity;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;

import com.sundispatch.security.SecurityEvent;
import com.sundispatch.support.Api;
import com.sundispatch.support.IntegrationTest;
import com.sundispatch.support.TestDns;
import com.sundispatch.support.TotpCodes;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Step-up re-authentication (pen-test finding "MFA can be enrolled with only an access token"): a stolen access
 * token alone can make no sensitive change; the proof is bound to one session, expires, and its failures count in
 * the sign-in throttle.
 */
class ReauthenticationIT extends IntegrationTest {

    private static final String REAUTH = "/api/v1/me/reauthenticate";

    private long step() {
        return TotpCodes.step(clock.instant());
    }

    private String idOf(String access) {
        return api.get("/api/v1/me", access).json().path("id").asString();
    }

    private static void assertStepUpRequired(Api.Response r) {
        assertThat(r.status()).as(r.toString()).isEqualTo(403);
        assertThat(r.code()).isEqualTo("reauthentication_required");
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
    }

    /** A customer with MFA on, set up through the step-up; returns email, secret and the session's tokens. */
    private record MfaUser(String email, String secret, List<String> recoveryCodes, Tokens tokens) {
    }

    private MfaUser userWithMfa() {
        String email = registerCustomer();
        Tokens t = login(email, PASSWORD);
        stepUp(t.access());
        String secret = api.post("/api/v1/me/mfa/totp/setup", null, t.access()).json().path("secret").asString();
        Api.Response enabled = api.post("/api/v1/me/mfa/totp/enable",
                Map.of("code", TotpCodes.code(secret, step() - 1)), t.access());
        assertThat(enabled.status()).as(enabled.toString()).isEqualTo(200);
        List<String> codes = new ArrayList<>();
        enabled.json().path("recoveryCodes").forEach(c -> codes.add(c.asString()));
        return new MfaUser(email, secret, codes, t);
    }

    @Test
    void stolenAccessTokenCannotEnrolMfaOrChangeThePhoneButTheNameStaysFree() {
        Tokens stolen = newCustomerSession();
        assertStepUpRequired(api.post("/api/v1/me/mfa/totp/setup", null, stolen.access()));
        assertStepUpRequired(api.post("/api/v1/me/mfa/totp/enable", Map.of("code", "123456"), stolen.access()));
        assertStepUpRequired(api.patch("/api/v1/me", Map.of("phone", "+49 30 1234567"), stolen.access()));
        assertStepUpRequired(api.patch("/api/v1/me", Map.of("fullName", "Eve Mallory", "phone", "+49 30 7654321"),
                stolen.access()));

        Api.Response me = api.get("/api/v1/me", stolen.access());
        assertThat(me.json().path("mfaEnabled").asBoolean()).isFalse();
        assertThat(me.json().path("phone").isNull() || me.json().path("phone").isMissingNode()).isTrue();
        assertThat(me.json().path("fullName").asString()).isEqualTo("Ada Lovelace");
        // Nothing was started either: no TOTP secret was stored by the refused set-up.
        assertThat(jdbc.queryForObject("select count(*) from users where id = ? and totp_secret is not null",
                Long.class, idOf(stolen.access()))).isZero();

        Api.Response rename = api.patch("/api/v1/me", Map.of("fullName", "Ada King"), stolen.access());
        assertThat(rename.status()).as(rename.toString()).isEqualTo(200);
        assertThat(rename.json().path("fullName").asString()).isEqualTo("Ada King");
        assertThat(events.of(SecurityEvent.class)).anyMatch(e -> e.type().equals("REAUTHENTICATION_REQUIRED")
                && idOf(stolen.access()).equals(e.userId()));
    }

    @Test
    void stolenAccessTokenCannotRegenerateRecoveryCodes() {
        MfaUser u = userWithMfa();
        Tokens other = mfaLogin(u);
        assertStepUpRequired(api.post("/api/v1/me/mfa/recovery-codes", Map.of("code", "123456"), other.access()));
        // The old codes still work: nothing was regenerated.
        Api.Response login = api.post("/api/v1/auth/login", Map.of("email", u.email(), "password", PASSWORD));
        assertThat(api.post("/api/v1/auth/mfa/verify", Map.of("mfaToken", login.json().path("mfaToken").asString(),
                "code", u.recoveryCodes().get(0))).status()).isEqualTo(200);
    }

    private Tokens mfaLogin(MfaUser u) {
        Api.Response login = api.post("/api/v1/auth/login", Map.of("email", u.email(), "password", PASSWORD));
        Api.Response verified = api.post("/api/v1/auth/mfa/verify", Map.of("mfaToken",
                login.json().path("mfaToken").asString(), "code", u.recoveryCodes().get(9)));
        assertThat(verified.status()).as(verified.toString()).isEqualTo(200);
        return new Tokens(verified.json().path("accessToken").asString(),
                verified.json().path("refreshToken").asString());
    }

    @Test
    void withAFreshStepUpMfaCanBeEnabledCodesRegeneratedAndThePhoneChanged() {
        Tokens t = newCustomerSession();
        clock.freeze();
        Api.Response r = api.post(REAUTH, Map.of("password", PASSWORD), t.access());
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(Instant.parse(r.json().path("reauthenticatedUntil").asString()))
                .isEqualTo(clock.instant().truncatedTo(ChronoUnit.MICROS).plus(Duration.ofMinutes(5)));

        String secret = api.post("/api/v1/me/mfa/totp/setup", null, t.access()).json().path("secret").asString();
        Api.Response enabled = api.post("/api/v1/me/mfa/totp/enable",
                Map.of("code", TotpCodes.code(secret, step())), t.access());
        assertThat(enabled.status()).as(enabled.toString()).isEqualTo(200);
        List<String> old = new ArrayList<>();
        enabled.json().path("recoveryCodes").forEach(c -> old.add(c.asString()));

        Api.Response fresh = api.post("/api/v1/me/mfa/recovery-codes",
                Map.of("code", TotpCodes.code(secret, step() + 1)), t.access());
        assertThat(fresh.status()).as(fresh.toString()).isEqualTo(200);
        List<String> renewed = new ArrayList<>();
        fresh.json().path("recoveryCodes").forEach(c -> renewed.add(c.asString()));
        assertThat(renewed).hasSize(10).doesNotHaveDuplicates().doesNotContainAnyElementsOf(old);

        String email = api.get("/api/v1/me", t.access()).json().path("email").asString();
        Api.Response oldCode = api.post("/api/v1/auth/mfa/verify", Map.of("mfaToken", api.post("/api/v1/auth/login",
                Map.of("email", email, "password", PASSWORD)).json().path("mfaToken").asString(), "code", old.get(0)));
        assertThat(oldCode.code()).isEqualTo("invalid_mfa_code");
        Api.Response newCode = api.post("/api/v1/auth/mfa/verify", Map.of("mfaToken", api.post("/api/v1/auth/login",
                Map.of("email", email, "password", PASSWORD)).json().path("mfaToken").asString(), "code",
                renewed.get(0)));
        assertThat(newCode.status()).as(newCode.toString()).isEqualTo(200);

        Api.Response phone = api.patch("/api/v1/me", Map.of("phone", "+49 30 1234567"), t.access());
        assertThat(phone.status()).as(phone.toString()).isEqualTo(200);
        assertThat(phone.json().path("phone").asString()).isEqualTo("+49 30 1234567");
        // The same number again is no change and needs nothing.
        clock.advance(Duration.ofMinutes(6));
        assertThat(api.patch("/api/v1/me", Map.of("phone", "+49 30 1234567"), t.access()).status()).isEqualTo(200);
        assertThat(events.of(SecurityEvent.class)).anyMatch(e -> e.type().equals("RECOVERY_CODES_REGENERATED"));
    }

    @Test
    void recoveryCodesWhenMfaOffThen409() {
        Tokens t = newCustomerSession();
        stepUp(t.access());
        assertThat(api.post("/api/v1/me/mfa/recovery-codes", Map.of("code", "123456"), t.access()).code())
                .isEqualTo("mfa_not_enabled");
    }

    @Test
    void passwordStepUpOfAnMfaAccountCannotMintRecoveryCodesWithoutTheAuthenticator() {
        // A stolen access token plus a phished password, but no authenticator: the step-up passes, the codes do not.
        MfaUser u = userWithMfa();
        Tokens stolen = mfaLogin(u);
        assertThat(api.post(REAUTH, Map.of("password", PASSWORD), stolen.access()).status()).isEqualTo(200);
        for (Object body : new Object[] { Map.of(), Map.of("code", "000000"), Map.of("code", u.recoveryCodes().get(1)) }) {
            Api.Response r = api.post("/api/v1/me/mfa/recovery-codes", body, stolen.access());
            assertThat(r.status()).as(r.toString()).isEqualTo(400);
            assertThat(r.code()).isIn("validation_failed", "invalid_mfa_code");
        }
        // The owner's codes still work: nothing was regenerated.
        Api.Response login = api.post("/api/v1/auth/login", Map.of("email", u.email(), "password", PASSWORD));
        assertThat(api.post("/api/v1/auth/mfa/verify", Map.of("mfaToken", login.json().path("mfaToken").asString(),
                "code", u.recoveryCodes().get(2))).status()).isEqualTo(200);
    }

    @Test
    void stepUpExpiresAfterTheWindow() {
        Tokens t = newCustomerSession();
        clock.freeze();
        stepUp(t.access());
        clock.advance(Duration.ofMinutes(4).plusSeconds(59));
        assertThat(api.post("/api/v1/me/mfa/totp/setup", null, t.access()).status()).isEqualTo(200);
        clock.advance(Duration.ofSeconds(1));
        assertStepUpRequired(api.post("/api/v1/me/mfa/totp/setup", null, t.access()));
        assertStepUpRequired(api.patch("/api/v1/me", Map.of("phone", "+49 30 1234567"), t.access()));
    }

    @Test
    void stepUpBelongsToOneSessionOnly() {
        String email = registerCustomer();
        Tokens first = login(email, PASSWORD);
        Tokens second = login(email, PASSWORD);
        stepUp(first.access());
        assertStepUpRequired(api.post("/api/v1/me/mfa/totp/setup", null, second.access()));
        assertStepUpRequired(api.patch("/api/v1/me", Map.of("phone", "+49 30 1234567"), second.access()));
        assertThat(api.post("/api/v1/me/mfa/totp/setup", null, first.access()).status()).isEqualTo(200);
        // A refreshed token of the stepped-up session is still that session.
        Api.Response refreshed = api.post("/api/v1/auth/refresh", Map.of("refreshToken", first.refresh()));
        assertThat(api.patch("/api/v1/me", Map.of("phone", "+49 30 1234567"),
                refreshed.json().path("accessToken").asString()).status()).isEqualTo(200);
    }

    @Test
    void wrongPasswordFiveTimesThenThrottledLikeLoginAndLoginToo() {
        String email = registerCustomer();
        Tokens t = login(email, PASSWORD);
        clock.freeze();
        for (int i = 0; i < 5; i++) {
            Api.Response wrong = api.post(REAUTH, Map.of("password", "Wrong-" + PASSWORD), t.access());
            assertThat(wrong.status()).as(wrong.toString()).isEqualTo(400);
            assertThat(wrong.code()).isEqualTo("wrong_password");
        }
        Api.Response throttled = api.post(REAUTH, Map.of("password", PASSWORD), t.access());
        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.code()).isEqualTo("login_throttled");
        assertThat(throttled.header("Retry-After")).isEqualTo("1");
        // The same counter: the sign-in of this account waits too.
        Api.Response login = api.post("/api/v1/auth/login", Map.of("email", email, "password", PASSWORD));
        assertThat(login.status()).isEqualTo(429);
        assertThat(login.code()).isEqualTo("login_throttled");
        assertStepUpRequired(api.post("/api/v1/me/mfa/totp/setup", null, t.access()));

        String userId = idOf(t.access());
        assertThat(events.of(SecurityEvent.class)).filteredOn(e -> userId.equals(e.userId())
                && e.type().equals("REAUTHENTICATION_FAILED")).hasSize(5)
                .allMatch(e -> e.outcome() == SecurityEvent.Outcome.FAILURE);
        clock.advance(Duration.ofSeconds(2));
        assertThat(api.post(REAUTH, Map.of("password", PASSWORD), t.access()).status()).isEqualTo(200);
        assertThat(events.of(SecurityEvent.class)).anyMatch(e -> userId.equals(e.userId())
                && e.type().equals("REAUTHENTICATED") && e.outcome() == SecurityEvent.Outcome.SUCCESS);
    }

    @Test
    void failedSignInsThrottleTheStepUpToo() {
        String email = registerCustomer();
        Tokens t = login(email, PASSWORD);
        clock.freeze();
        for (int i = 0; i < 5; i++) {
            api.post("/api/v1/auth/login", Map.of("email", email, "password", "Wrong-" + PASSWORD));
        }
        assertThat(api.post(REAUTH, Map.of("password", PASSWORD), t.access()).code()).isEqualTo("login_throttled");
    }

    @Test
    void totpCodeWorksOnceAndNeverAfterItServedASignIn() {
        MfaUser u = userWithMfa();
        Tokens t = u.tokens();
        clock.freeze();
        String code = TotpCodes.code(u.secret(), step());
        Api.Response ok = api.post(REAUTH, Map.of("code", code), t.access());
        assertThat(ok.status()).as(ok.toString()).isEqualTo(200);
        Api.Response replay = api.post(REAUTH, Map.of("code", code), t.access());
        assertThat(replay.status()).isEqualTo(400);
        assertThat(replay.code()).isEqualTo("invalid_mfa_code");

        // A code spent at sign-in cannot step up afterwards.
        clock.advance(Duration.ofSeconds(30));
        String next = TotpCodes.code(u.secret(), step());
        Api.Response login = api.post("/api/v1/auth/login", Map.of("email", u.email(), "password", PASSWORD));
        assertThat(api.post("/api/v1/auth/mfa/verify", Map.of("mfaToken", login.json().path("mfaToken").asString(),
                "code", next)).status()).isEqualTo(200);
        assertThat(api.post(REAUTH, Map.of("code", next), t.access()).code()).isEqualTo("invalid_mfa_code");
        // Recovery codes are not a step-up proof (they stay for a lost authenticator).
        assertThat(api.post(REAUTH, Map.of("code", u.recoveryCodes().get(1)), t.access()).code())
                .isEqualTo("invalid_mfa_code");
    }

    @Test
    void codeWhenMfaOffThenInvalidMfaCode() {
        Tokens t = newCustomerSession();
        assertThat(api.post(REAUTH, Map.of("code", "123456"), t.access()).code()).isEqualTo("invalid_mfa_code");
    }

    @Test
    void exactlyOneProofElseValidationFailed() {
        Tokens t = newCustomerSession();
        for (Object body : List.of(Map.of(), Map.of("password", PASSWORD, "code", "123456"),
                Map.of("password", ""), Map.of("code", "  "))) {
            Api.Response r = api.post(REAUTH, body, t.access());
            assertThat(r.status()).as(body.toString()).isEqualTo(400);
            assertThat(r.code()).isEqualTo("validation_failed");
        }
        assertThat(api.post(REAUTH, Map.of("password", PASSWORD, "role", "ADMIN"), t.access()).status())
                .isEqualTo(400);
        assertThat(api.post(REAUTH, null, t.access()).status()).isEqualTo(400);
    }

    @Test
    void newEndpointsWhenAnonymousThen401() {
        assertThat(api.post(REAUTH, Map.of("password", PASSWORD)).status()).isEqualTo(401);
        assertThat(api.post("/api/v1/me/mfa/recovery-codes", Map.of()).status()).isEqualTo(401);
        assertThat(api.post("/api/v1/admin/users/x/mfa/reset", Map.of("reason", "lost phone")).status())
                .isEqualTo(401);
        assertThat(api.post("/api/v1/admin/users/x/promote", Map.of()).status()).isEqualTo(401);
        assertThat(api.post("/api/v1/admin/users/x/demote", Map.of()).status()).isEqualTo(401);
    }

    @Test
    void stolenInstallerTokenCannotSetOrRemoveTheWebhookButAStepUpCan() {
        String email = registerVerifiedCustomer();
        String access = login(email, PASSWORD).access();
        String appId = api.post("/api/v1/installers/applications", Map.of("companyName", "Step & Co",
                "licenseNumber", "LIC-" + ThreadLocalRandom.current().nextInt(100000, 999999), "baseAddress",
                baseAddressAt(1.5, 2.5), "serviceRadiusKm", 50, "phone", "+49 30 5550100"), access).json().path("id")
                .asString();
        assertThat(api.post("/api/v1/admin/installers/applications/" + appId + "/approve", Map.of(), adminToken())
                .status()).isEqualTo(200);
        String installer = login(email, PASSWORD).access();
        TestDns.answer("stepup.hooks.test", List.of("93.184.216.34"));
        Map<String, String> hook = Map.of("url", "https://stepup.hooks.test/hook");

        assertStepUpRequired(api.send("PUT", "/api/v1/installer/webhook", hook, installer, Map.of()));
        assertThat(api.get("/api/v1/installer/webhook", installer).status()).isEqualTo(404);

        stepUp(installer);
        Api.Response set = api.send("PUT", "/api/v1/installer/webhook", hook, installer, Map.of());
        assertThat(set.status()).as(set.toString()).isEqualTo(200);

        String stolen = login(email, PASSWORD).access();
        assertStepUpRequired(api.send("PUT", "/api/v1/installer/webhook",
                Map.of("url", "https://stepup.hooks.test/evil"), stolen, Map.of()));
        assertStepUpRequired(api.send("DELETE", "/api/v1/installer/webhook", null, stolen, Map.of()));
        assertThat(api.get("/api/v1/installer/webhook", stolen).json().path("url").asString())
                .isEqualTo("https://stepup.hooks.test/hook");
        assertThat(api.send("DELETE", "/api/v1/installer/webhook", null, installer, Map.of()).status())
                .isEqualTo(204);
    }

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;
}
