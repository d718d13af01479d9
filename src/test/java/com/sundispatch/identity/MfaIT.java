package com.sundispatch.identity;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.sundispatch.support.Api;
import com.sundispatch.support.IntegrationTest;
import com.sundispatch.support.TotpCodes;

import static org.assertj.core.api.Assertions.assertThat;

/** TOTP MFA: set-up, enabling, two-step login, one-time codes and recovery codes, disabling. */
class MfaIT extends IntegrationTest {

    private record MfaUser(String email, String secret, List<String> recoveryCodes, Tokens tokens) {
    }

    private long step() {
        return TotpCodes.step(clock.instant());
    }

    private MfaUser userWithMfa() {
        String email = registerCustomer();
        Tokens t = login(email, PASSWORD);
        stepUp(t.access());
        Api.Response setup = api.post("/api/v1/me/mfa/totp/setup", null, t.access());
        assertThat(setup.status()).isEqualTo(200);
        String secret = setup.json().path("secret").asString();
        assertThat(setup.json().path("otpauthUri").asString())
                .startsWith("otpauth://totp/SunDispatch:" + email.replace("@", "%40"))
                .contains("secret=" + secret, "issuer=SunDispatch", "digits=6", "period=30");
        Api.Response enabled = api.post("/api/v1/me/mfa/totp/enable",
                Map.of("code", TotpCodes.code(secret, step() - 1)), t.access());
        assertThat(enabled.status()).as(enabled.toString()).isEqualTo(200);
        List<String> codes = new ArrayList<>();
        enabled.json().path("recoveryCodes").forEach(c -> codes.add(c.asString()));
        return new MfaUser(email, secret, codes, t);
    }

    @Test
    void enableWhenCodeWrongThenInvalidMfaCodeAndStillOff() {
        Tokens t = newCustomerSession();
        stepUp(t.access());
        api.post("/api/v1/me/mfa/totp/setup", null, t.access());
        Api.Response r = api.post("/api/v1/me/mfa/totp/enable", Map.of("code", "000000"), t.access());
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.code()).isEqualTo("invalid_mfa_code");
        assertThat(api.get("/api/v1/me", t.access()).json().path("mfaEnabled").asBoolean()).isFalse();
    }

    @Test
    void enableThenTenDistinctRecoveryCodesAndLoginNeedsASecondStep() {
        MfaUser u = userWithMfa();
        assertThat(u.recoveryCodes()).hasSize(10).doesNotHaveDuplicates();
        assertThat(api.get("/api/v1/me", u.tokens().access()).json().path("mfaEnabled").asBoolean()).isTrue();

        Api.Response login = api.post("/api/v1/auth/login", Map.of("email", u.email(), "password", PASSWORD));
        assertThat(login.status()).isEqualTo(200);
        assertThat(login.json().path("mfaRequired").asBoolean()).isTrue();
        assertThat(login.json().has("accessToken")).isFalse();
        assertThat(login.header("Set-Cookie")).isNull();

        Api.Response verified = api.post("/api/v1/auth/mfa/verify",
                Map.of("mfaToken", login.json().path("mfaToken").asString(), "code", TotpCodes.code(u.secret(), step())));
        assertThat(verified.status()).as(verified.toString()).isEqualTo(200);
        assertThat(api.get("/api/v1/me", verified.json().path("accessToken").asString()).status()).isEqualTo(200);
    }

    @Test
    void totpCodeWorksOnceOnly() {
        MfaUser u = userWithMfa();
        String code = TotpCodes.code(u.secret(), step());
        Api.Response first = api.post("/api/v1/auth/login", Map.of("email", u.email(), "password", PASSWORD));
        assertThat(api.post("/api/v1/auth/mfa/verify",
                Map.of("mfaToken", first.json().path("mfaToken").asString(), "code", code)).status()).isEqualTo(200);

        Api.Response second = api.post("/api/v1/auth/login", Map.of("email", u.email(), "password", PASSWORD));
        Api.Response replay = api.post("/api/v1/auth/mfa/verify",
                Map.of("mfaToken", second.json().path("mfaToken").asString(), "code", code));
        assertThat(replay.status()).isEqualTo(400);
        assertThat(replay.code()).isEqualTo("invalid_mfa_code");
    }

    @Test
    void recoveryCodeWorksOnceOnly() {
        MfaUser u = userWithMfa();
        String recovery = u.recoveryCodes().get(3);
        Api.Response first = api.post("/api/v1/auth/login", Map.of("email", u.email(), "password", PASSWORD));
        assertThat(api.post("/api/v1/auth/mfa/verify",
                Map.of("mfaToken", first.json().path("mfaToken").asString(), "code", recovery.toUpperCase()))
                .status()).isEqualTo(200);
        Api.Response second = api.post("/api/v1/auth/login", Map.of("email", u.email(), "password", PASSWORD));
        assertThat(api.post("/api/v1/auth/mfa/verify",
                Map.of("mfaToken", second.json().path("mfaToken").asString(), "code", recovery)).code())
                .isEqualTo("invalid_mfa_code");
    }

    @Test
    void mfaChallengeAllowsFiveAttemptsThenDies() {
        MfaUser u = userWithMfa();
        Api.Response login = api.post("/api/v1/auth/login", Map.of("email", u.email(), "password", PASSWORD));
        String mfaToken = login.json().path("mfaToken").asString();
        for (int i = 0; i < 5; i++) {
            assertThat(api.post("/api/v1/auth/mfa/verify", Map.of("mfaToken", mfaToken, "code", "000000")).code())
                    .isEqualTo("invalid_mfa_code");
        }
        // Past the account's brute-force wait, the challenge itself is used up, even for the right code.
        clock.advance(java.time.Duration.ofSeconds(2));
        Api.Response sixth = api.post("/api/v1/auth/mfa/verify",
                Map.of("mfaToken", mfaToken, "code", TotpCodes.code(u.secret(), step())));
        assertThat(sixth.status()).isEqualTo(401);
        assertThat(sixth.code()).isEqualTo("invalid_token");
    }

    @Test
    void aRightPasswordDoesNotResetTheWaitBetweenBatchesOfCodeGuesses() {
        MfaUser u = userWithMfa();
        for (int batch = 0; batch < 2; batch++) {
            Api.Response login = api.post("/api/v1/auth/login", Map.of("email", u.email(), "password", PASSWORD));
            assertThat(login.status()).as(login.toString()).isEqualTo(200);
            String mfaToken = login.json().path("mfaToken").asString();
            for (int i = 0; i < (batch == 0 ? 5 : 1); i++) {
                api.post("/api/v1/auth/mfa/verify", Map.of("mfaToken", mfaToken, "code", "000000"));
            }
            if (batch == 0) {
                clock.advance(java.time.Duration.ofSeconds(2));
            }
        }
        // Six failures in all: the wait is now 2 s, however often the password was right in between.
        Api.Response login = api.post("/api/v1/auth/login", Map.of("email", u.email(), "password", PASSWORD));
        assertThat(login.status()).isEqualTo(429);
        assertThat(login.header("Retry-After")).isEqualTo("2");
    }

    @Test
    void mfaVerifyWhenTokenForgedThen401() {
        Api.Response r = api.post("/api/v1/auth/mfa/verify", Map.of("mfaToken", "forged", "code", "123456"));
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.code()).isEqualTo("invalid_token");
    }

    @Test
    void setupWhenAlreadyEnabledThen409() {
        MfaUser u = userWithMfa();
        assertThat(api.post("/api/v1/me/mfa/totp/setup", null, u.tokens().access()).code())
                .isEqualTo("mfa_already_enabled");
    }

    @Test
    void disableNeedsCodeAndPassword() {
        MfaUser u = userWithMfa();
        String access = u.tokens().access();
        assertThat(api.post("/api/v1/me/mfa/totp/disable", Map.of("code", TotpCodes.code(u.secret(), step() + 1),
                "password", "wrong-password-123"), access).code()).isEqualTo("wrong_password");
        assertThat(api.post("/api/v1/me/mfa/totp/disable", Map.of("code", "111111", "password", PASSWORD), access)
                .code()).isEqualTo("invalid_mfa_code");
        assertThat(api.post("/api/v1/me/mfa/totp/disable", Map.of("code", u.recoveryCodes().get(0),
                "password", PASSWORD), access).status()).isEqualTo(204);
        assertThat(api.get("/api/v1/me", access).json().path("mfaEnabled").asBoolean()).isFalse();
        Api.Response login = api.post("/api/v1/auth/login", Map.of("email", u.email(), "password", PASSWORD));
        assertThat(login.json().has("accessToken")).isTrue();
    }

    @Test
    void disablingMfaEndsTheOtherSessions() {
        MfaUser u = userWithMfa();
        Api.Response other = api.post("/api/v1/auth/login", Map.of("email", u.email(), "password", PASSWORD));
        String otherAccess = api.post("/api/v1/auth/mfa/verify", Map.of("mfaToken",
                other.json().path("mfaToken").asString(), "code", TotpCodes.code(u.secret(), step()))).json()
                .path("accessToken").asString();
        assertThat(api.post("/api/v1/me/mfa/totp/disable", Map.of("code", u.recoveryCodes().get(1),
                "password", PASSWORD), u.tokens().access()).status()).isEqualTo(204);
        assertThat(api.get("/api/v1/me", otherAccess).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/me", u.tokens().access()).status()).isEqualTo(200);
    }

    @Test
    void mfaEndpointsWhenAnonymousThen401() {
        assertThat(api.post("/api/v1/me/mfa/totp/setup", null).status()).isEqualTo(401);
        assertThat(api.post("/api/v1/me/mfa/totp/enable", Map.of("code", "123456")).status()).isEqualTo(401);
        assertThat(api.post("/api/v1/me/mfa/totp/disable", Map.of("code", "1", "password", "x")).status())
                .isEqualTo(401);
    }

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    @Test
    void totpSecretAndRecoveryCodesAreNotStoredInTheClear() {
        MfaUser u = userWithMfa();
        String stored = jdbc.queryForObject("select totp_secret from users where email = ?", String.class, u.email());
        assertThat(stored).startsWith("v2:").doesNotContain(u.secret());
        List<String> hashes = jdbc.queryForList("select c.code_hash from recovery_codes c join users s "
                + "on s.id = c.user_id where s.email = ?", String.class, u.email());
        assertThat(hashes).hasSize(10).allSatisfy(h -> assertThat(h).hasSize(64));
        assertThat(hashes).doesNotContainAnyElementsOf(u.recoveryCodes());
    }
}
