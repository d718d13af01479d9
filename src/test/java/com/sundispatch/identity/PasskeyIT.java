package com.sundispatch.identity;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.sundispatch.security.SecurityEvent;
import com.sundispatch.support.AdminSession;
import com.sundispatch.support.Api;
import com.sundispatch.support.IntegrationTest;
import com.sundispatch.support.SoftPasskey;
import com.sundispatch.support.TotpCodes;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Passkeys over HTTP with a software authenticator: registration, sign-in with a passkey alone and as the second
 * factor, and every way an assertion must be refused (replay, origin, rp id, user verification, another account's
 * passkey, a removed passkey, a counter going backwards, an expired challenge).
 */
class PasskeyIT extends IntegrationTest {

    private static final String PASSKEYS = "/api/v1/me/passkeys";

    @Autowired
    JdbcTemplate jdbc;

    private String origin() {
        return "http://localhost:" + port;
    }

    /** A customer's session and a passkey registered on it. */
    private record Owner(String email, Tokens tokens, SoftPasskey passkey, String passkeyId) {
    }

    private Owner ownerWithPasskey() {
        String email = registerCustomer();
        Tokens t = login(email, PASSWORD);
        SoftPasskey key = new SoftPasskey();
        Api.Response added = addPasskey(t.access(), key, "Laptop");
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        return new Owner(email, t, key, added.json().path("id").asString());
    }

    private Api.Response addPasskey(String access, SoftPasskey key, String name) {
        stepUp(access);
        Api.Response options = api.post(PASSKEYS + "/registration-options", null, access);
        assertThat(options.status()).as(options.toString()).isEqualTo(200);
        JsonNode pk = options.json().path("publicKey");
        Map<String, Object> credential = key.register(pk.path("challenge").asString(), "localhost", origin(),
                pk.path("user").path("id").asString());
        return api.post(PASSKEYS, Map.of("challengeId", options.json().path("challengeId").asString(), "name", name,
                "credential", credential), access);
    }

    private JsonNode loginOptions() {
        Api.Response r = api.post("/api/v1/auth/passkey/options", null);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }

    private Api.Response passkeyLogin(JsonNode options, Map<String, Object> credential) {
        return api.post("/api/v1/auth/passkey/login", Map.of("challengeId", options.path("challengeId").asString(),
                "credential", credential));
    }

    private Api.Response signInWith(SoftPasskey key) {
        JsonNode options = loginOptions();
        return passkeyLogin(options, key.assertion(options.path("publicKey").path("challenge").asString(),
                "localhost", origin()));
    }

    private static void assertRefused(Api.Response r, int status, String code) {
        assertThat(r.status()).as(r.toString()).isEqualTo(status);
        assertThat(r.code()).as(r.toString()).isEqualTo(code);
    }

    /** The WebAuthn origin Android's Credential Manager signs for an app with this signing certificate. */
    private static String apkKeyHash(String fingerprint) {
        return "android:apk-key-hash:" + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(HexFormat.ofDelimiter(":").parseHex(fingerprint));
    }

    @Test
    void theWellKnownFilesVouchForTheConfiguredAppsToAnyoneWithoutAToken() {
        Api.Response android = api.get("/.well-known/assetlinks.json");
        assertThat(android.status()).as(android.toString()).isEqualTo(200);
        assertThat(android.header("Content-Type")).startsWith("application/json");
        assertThat(android.header("Cache-Control")).contains("public");
        assertThat(android.json()).hasSize(2);
        for (JsonNode statement : android.json()) {
            // Only credential sharing: the apps do not claim the site's links.
            assertThat(statement.path("relation").toString())
                    .isEqualTo("[\"delegate_permission/common.get_login_creds\"]");
            assertThat(statement.path("target").path("namespace").asString()).isEqualTo("android_app");
            assertThat(statement.path("target").path("sha256_cert_fingerprints").get(0).asString())
                    .isEqualTo(ANDROID_APP_CERT_SHA256);
        }
        assertThat(List.of(android.json().get(0).path("target").path("package_name").asString(),
                android.json().get(1).path("target").path("package_name").asString()))
                .containsExactly("com.sundispatch.pro", "com.sundispatch.app");

        Api.Response ios = api.get("/.well-known/apple-app-site-association");
        assertThat(ios.status()).as(ios.toString()).isEqualTo(200);
        assertThat(ios.header("Content-Type")).startsWith("application/json");
        assertThat(ios.json().path("webcredentials").path("apps").get(0).asString()).isEqualTo(IOS_APP_ID);
    }

    @Test
    void theAndroidAppSignsInWithAPasskeyFromItsOwnSigningCertificateOnly() {
        Owner owner = ownerWithPasskey();
        JsonNode options = loginOptions();
        Api.Response app = passkeyLogin(options, owner.passkey().assertion(
                options.path("publicKey").path("challenge").asString(), "localhost",
                apkKeyHash(ANDROID_APP_CERT_SHA256)));
        assertThat(app.status()).as(app.toString()).isEqualTo(200);
        // The body carries the refresh token: the app keeps it in the Keystore, it has no cookie jar.
        assertThat(app.json().path("refreshToken").asString()).isNotBlank();

        // A repackaged app (another signing key) gets nothing, even with the genuine passkey.
        String other = "00:" + ANDROID_APP_CERT_SHA256.substring(3);
        JsonNode again = loginOptions();
        assertRefused(passkeyLogin(again, owner.passkey().assertion(
                again.path("publicKey").path("challenge").asString(), "localhost", apkKeyHash(other))),
                401, "passkey_invalid");
    }

    @Test
    void registrationOptionsAskForADiscoverableVerifiedPasskeyAndExcludeTheExistingOnes() {
        Owner owner = ownerWithPasskey();
        stepUp(owner.tokens().access());
        JsonNode options = api.post(PASSKEYS + "/registration-options", null, owner.tokens().access()).json();
        JsonNode pk = options.path("publicKey");
        assertThat(options.path("challengeId").asString()).isNotBlank();
        assertThat(pk.path("rp").path("id").asString()).isEqualTo("localhost");
        assertThat(pk.path("authenticatorSelection").path("residentKey").asString()).isEqualTo("required");
        assertThat(pk.path("authenticatorSelection").path("userVerification").asString()).isEqualTo("required");
        assertThat(pk.path("attestation").asString()).isEqualTo("none");
        assertThat(pk.path("excludeCredentials").get(0).path("id").asString())
                .isEqualTo(owner.passkey().credentialId());
        assertThat(pk.path("user").path("name").asString()).isEqualTo(owner.email());
    }

    @Test
    void aRegisteredPasskeyIsListedRenamedAndSignsInAloneWithTheSameTokensAsAPassword() {
        Owner owner = ownerWithPasskey();
        Api.Response list = api.get(PASSKEYS, owner.tokens().access());
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().get(0).path("name").asString()).isEqualTo("Laptop");
        assertThat(list.json().get(0).path("createdAt").asString()).isNotBlank();
        assertThat(list.json().get(0).path("lastUsedAt").isNull()).isTrue();
        assertThat(list.json().get(0).path("transports").get(0).asString()).isEqualTo("internal");

        Api.Response renamed = api.patch(PASSKEYS + "/" + owner.passkeyId(), Map.of("name", "  Work laptop "),
                owner.tokens().access());
        assertThat(renamed.status()).as(renamed.toString()).isEqualTo(200);
        assertThat(renamed.json().path("name").asString()).isEqualTo("Work laptop");

        Api.Response signedIn = signInWith(owner.passkey());
        assertThat(signedIn.status()).as(signedIn.toString()).isEqualTo(200);
        assertThat(signedIn.json().path("tokenType").asString()).isEqualTo("Bearer");
        assertThat(signedIn.header("Set-Cookie")).contains("sd_refresh=");
        String access = signedIn.json().path("accessToken").asString();
        JsonNode me = api.get("/api/v1/me", access).json();
        assertThat(me.path("email").asString()).isEqualTo(owner.email());
        assertThat(me.path("mfaEnabled").asBoolean()).isFalse();
        assertThat(me.path("mfaMethods").get(0).asString()).isEqualTo("passkey");
        // The refresh token rotates like any other: it is the same session model.
        Api.Response refreshed = api.post("/api/v1/auth/refresh",
                Map.of("refreshToken", signedIn.json().path("refreshToken").asString()));
        assertThat(refreshed.status()).as(refreshed.toString()).isEqualTo(200);
        // The rotation reads the passkey presence in its one statement: the new access token still says "mfa".
        String payload = refreshed.json().path("accessToken").asString().split("\\.")[1];
        assertThat(new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8))
                .contains("\"mfa\":true");
        assertThat(api.get(PASSKEYS, access).json().get(0).path("lastUsedAt").asString()).isNotBlank();
        String userId = me.path("id").asString();
        eventually("the passkey sign-in audited", () -> events.of(SecurityEvent.class).stream()
                .anyMatch(e -> e.type().equals("LOGIN_SUCCEEDED") && userId.equals(e.userId())
                        && "passkey".equals(e.detail().get("method"))));
    }

    @Test
    void aReplayedAssertionIsRefusedBecauseItsChallengeIsSpent() {
        Owner owner = ownerWithPasskey();
        JsonNode options = loginOptions();
        Map<String, Object> assertion = owner.passkey().assertion(options.path("publicKey").path("challenge")
                .asString(), "localhost", origin());
        assertThat(passkeyLogin(options, assertion).status()).isEqualTo(200);
        assertRefused(passkeyLogin(options, assertion), 400, "passkey_challenge_invalid");
    }

    @Test
    void anAssertionForAnotherOriginOrRpIdOrWithoutUserVerificationIsRefused() {
        Owner owner = ownerWithPasskey();
        JsonNode o1 = loginOptions();
        assertRefused(passkeyLogin(o1, owner.passkey().assertion(o1.path("publicKey").path("challenge").asString(),
                "localhost", "https://evil.example")), 401, "passkey_invalid");
        JsonNode o2 = loginOptions();
        assertRefused(passkeyLogin(o2, owner.passkey().assertion(o2.path("publicKey").path("challenge").asString(),
                "evil.example", origin())), 401, "passkey_invalid");
        JsonNode o3 = loginOptions();
        assertRefused(passkeyLogin(o3, owner.passkey().assertion(o3.path("publicKey").path("challenge").asString(),
                "localhost", origin(), SoftPasskey.UP)), 401, "passkey_invalid");
        String userId = api.get("/api/v1/me", owner.tokens().access()).json().path("id").asString();
        eventually("the failures audited", () -> events.of(SecurityEvent.class).stream()
                .filter(e -> e.type().equals("LOGIN_FAILED") && userId.equals(e.userId())).count() >= 3);
        // The real thing still works afterwards.
        assertThat(signInWith(owner.passkey()).status()).isEqualTo(200);
    }

    @Test
    void aCounterThatDoesNotGrowIsRefusedAsAClonedAuthenticator() {
        Owner owner = ownerWithPasskey();
        owner.passkey().setCounter(10);
        assertThat(signInWith(owner.passkey()).status()).isEqualTo(200);
        JsonNode options = loginOptions();
        Api.Response clone = passkeyLogin(options, owner.passkey().signed(options.path("publicKey")
                .path("challenge").asString(), "localhost", origin(), SoftPasskey.UP | SoftPasskey.UV, 5));
        assertRefused(clone, 401, "passkey_invalid");
        String userId = api.get("/api/v1/me", owner.tokens().access()).json().path("id").asString();
        eventually("the regression audited", () -> events.of(SecurityEvent.class).stream()
                .anyMatch(e -> e.type().equals("PASSKEY_COUNTER_REGRESSED") && userId.equals(e.userId())));
    }

    @Test
    void anExpiredChallengeIsRefused() {
        Owner owner = ownerWithPasskey();
        JsonNode options = loginOptions();
        clock.advance(Duration.ofMinutes(6));
        try {
            assertRefused(passkeyLogin(options, owner.passkey().assertion(options.path("publicKey")
                    .path("challenge").asString(), "localhost", origin())), 400, "passkey_challenge_invalid");
        } finally {
            clock.reset();
        }
    }

    @Test
    void aRemovedPasskeySignsInNoMoreAndRemovingNeedsTheStepUp() {
        Owner owner = ownerWithPasskey();
        // A fresh session (a passkey sign-in: the password alone no longer is one): no step-up done yet.
        Api.Response fresh = signInWith(owner.passkey());
        Tokens other = new Tokens(fresh.json().path("accessToken").asString(), null);
        Api.Response noStepUp = api.send("DELETE", PASSKEYS + "/" + owner.passkeyId(), null, other.access(),
                Map.of());
        assertRefused(noStepUp, 403, "reauthentication_required");
        stepUp(other.access());
        assertThat(api.send("DELETE", PASSKEYS + "/" + owner.passkeyId(), null, other.access(), Map.of()).status())
                .isEqualTo(204);
        assertThat(api.get(PASSKEYS, other.access()).json().size()).isZero();
        assertRefused(signInWith(owner.passkey()), 401, "passkey_unknown");
        // Without a passkey the account is a password account again.
        assertThat(api.post("/api/v1/auth/login", Map.of("email", owner.email(), "password", PASSWORD)).json()
                .path("accessToken").asString()).isNotBlank();
    }

    @Test
    void someoneElsesPasskeyIsNotFoundAndTheListIsOnlyMine() {
        Owner owner = ownerWithPasskey();
        Tokens stranger = newCustomerSession();
        stepUp(stranger.access());
        assertThat(api.get(PASSKEYS, stranger.access()).json().size()).isZero();
        assertThat(api.patch(PASSKEYS + "/" + owner.passkeyId(), Map.of("name", "Mine"), stranger.access())
                .status()).isEqualTo(404);
        assertThat(api.send("DELETE", PASSKEYS + "/" + owner.passkeyId(), null, stranger.access(), Map.of())
                .status()).isEqualTo(404);
        assertThat(signInWith(owner.passkey()).status()).isEqualTo(200);
    }

    @Test
    void withoutATokenEveryPasskeyEndpointOfTheAccountIs401() {
        assertThat(api.get(PASSKEYS).status()).isEqualTo(401);
        assertThat(api.post(PASSKEYS + "/registration-options", null).status()).isEqualTo(401);
        assertThat(api.post(PASSKEYS, Map.of("challengeId", "x", "name", "n", "credential", Map.of())).status())
                .isEqualTo(401);
        assertThat(api.patch(PASSKEYS + "/x", Map.of("name", "n"), null).status()).isEqualTo(401);
        assertThat(api.send("DELETE", PASSKEYS + "/x", null, null, Map.of()).status()).isEqualTo(401);
    }

    @Test
    void registrationOptionsNeedTheStepUp() {
        Tokens t = newCustomerSession();
        assertRefused(api.post(PASSKEYS + "/registration-options", null, t.access()), 403,
                "reauthentication_required");
    }

    @Test
    void badNamesAndMalformedCredentialsAre400NeverA500() {
        Owner owner = ownerWithPasskey();
        String access = owner.tokens().access();
        assertRefused(api.patch(PASSKEYS + "/" + owner.passkeyId(), Map.of("name", "   "), access), 400,
                "passkey_name_invalid");
        assertRefused(api.patch(PASSKEYS + "/" + owner.passkeyId(), Map.of("name", "x".repeat(61)), access), 400,
                "passkey_name_invalid");
        stepUp(access);
        JsonNode options = api.post(PASSKEYS + "/registration-options", null, access).json();
        String challengeId = options.path("challengeId").asString();
        assertRefused(api.post(PASSKEYS, Map.of("challengeId", challengeId, "name", "Phone", "credential",
                Map.of("id", "nonsense", "response", Map.of("clientDataJSON", "!!!"))), access), 400,
                "validation_failed");
        assertRefused(api.post(PASSKEYS, Map.of("challengeId", challengeId, "name", "Phone", "credential", "text"),
                access), 400, "validation_failed");
        Map<String, Object> noName = new HashMap<>();
        noName.put("challengeId", challengeId);
        noName.put("credential", new SoftPasskey().register(options.path("publicKey").path("challenge").asString(),
                "localhost", origin(), options.path("publicKey").path("user").path("id").asString()));
        assertRefused(api.post(PASSKEYS, noName, access), 400, "passkey_name_invalid");
        JsonNode login = loginOptions();
        assertRefused(api.post("/api/v1/auth/passkey/login", Map.of("challengeId", login.path("challengeId")
                .asString(), "credential", Map.of("type", "public-key"))), 400, "validation_failed");
        assertRefused(api.post("/api/v1/auth/passkey/login", Map.of("challengeId", "x")), 400, "validation_failed");
    }

    @Test
    void theSamePasskeyCannotBeRegisteredTwiceAndAWrongOriginIsRefusedAtRegistration() {
        Owner owner = ownerWithPasskey();
        assertRefused(addPasskey(owner.tokens().access(), owner.passkey(), "Again"), 409,
                "passkey_already_registered");
        String access = owner.tokens().access();
        JsonNode options = api.post(PASSKEYS + "/registration-options", null, access).json();
        Map<String, Object> credential = new SoftPasskey().register(options.path("publicKey").path("challenge")
                .asString(), "localhost", "https://evil.example", options.path("publicKey").path("user").path("id")
                .asString());
        assertRefused(api.post(PASSKEYS, Map.of("challengeId", options.path("challengeId").asString(), "name",
                "Phone", "credential", credential), access), 400, "passkey_invalid");
    }

    @Test
    void aStartedButUnconfirmedTotpIsNoSecondFactorForAPasskeyAccount() {
        Owner owner = ownerWithPasskey();
        stepUp(owner.tokens().access());
        Api.Response setup = api.post("/api/v1/me/mfa/totp/setup", null, owner.tokens().access());
        assertThat(setup.status()).isEqualTo(200);
        String secret = setup.json().path("secret").asString();

        Api.Response password = api.post("/api/v1/auth/login", Map.of("email", owner.email(), "password", PASSWORD));
        String mfaToken = password.json().path("mfaToken").asString();
        Api.Response code = api.post("/api/v1/auth/mfa/verify", Map.of("mfaToken", mfaToken, "code",
                TotpCodes.code(secret, TotpCodes.step(clock.instant()))));
        assertRefused(code, 400, "invalid_mfa_code");
    }

    @Test
    void anAdminMfaResetRemovesTheLostPasskeysSoThePasswordSignsInAgain() {
        Owner owner = ownerWithPasskey();
        String userId = jdbc.queryForObject("select id from users where email = ?", String.class, owner.email());
        assertThat(api.post("/api/v1/auth/login", Map.of("email", owner.email(), "password", PASSWORD)).json()
                .path("mfaRequired").asBoolean()).isTrue();
        String admin = adminToken();
        AdminSession.stepUp(api, admin);

        Api.Response reset = api.post("/api/v1/admin/users/" + userId + "/mfa/reset", Map.of("reason", "lost phone"),
                admin);
        assertThat(reset.status()).as(reset.toString()).isEqualTo(204);
        assertRefused(signInWith(owner.passkey()), 401, "passkey_unknown");
        Api.Response password = api.post("/api/v1/auth/login", Map.of("email", owner.email(), "password", PASSWORD));
        assertThat(password.json().path("accessToken").asString()).as(password.toString()).isNotBlank();
    }

    @Test
    void securingTheAccountRemovesEveryPasskeySoOneAnIntruderAddedSignsInNoMore() {
        Owner owner = ownerWithPasskey();
        assertThat(api.post("/api/v1/me/secure-account", null, owner.tokens().access()).status()).isEqualTo(204);
        assertThat(jdbc.queryForObject("select count(*) from passkeys where user_id = (select id from users "
                + "where email = ?)", Integer.class, owner.email())).isZero();
        assertRefused(signInWith(owner.passkey()), 401, "passkey_unknown");
    }

    @Test
    void aPasskeyIsTheSecondFactorAfterThePasswordAndOnlyTheAccountsOwnPasskeyCounts() {
        Owner owner = ownerWithPasskey();
        Owner stranger = ownerWithPasskey();
        Api.Response password = api.post("/api/v1/auth/login", Map.of("email", owner.email(), "password", PASSWORD));
        assertThat(password.json().path("mfaRequired").asBoolean()).as(password.toString()).isTrue();
        assertThat(password.json().path("methods").get(0).asString()).isEqualTo("passkey");
        String mfaToken = password.json().path("mfaToken").asString();

        Api.Response options = api.post("/api/v1/auth/mfa/passkey/options", Map.of("mfaToken", mfaToken));
        assertThat(options.status()).as(options.toString()).isEqualTo(200);
        assertThat(options.json().path("publicKey").path("allowCredentials").get(0).path("id").asString())
                .isEqualTo(owner.passkey().credentialId());
        Api.Response foreign = api.post("/api/v1/auth/mfa/passkey", Map.of("mfaToken", mfaToken, "challengeId",
                options.json().path("challengeId").asString(), "credential", stranger.passkey().assertion(
                        options.json().path("publicKey").path("challenge").asString(), "localhost", origin())));
        assertRefused(foreign, 401, "passkey_unknown");

        Api.Response again = api.post("/api/v1/auth/mfa/passkey/options", Map.of("mfaToken", mfaToken));
        Api.Response done = api.post("/api/v1/auth/mfa/passkey", Map.of("mfaToken", mfaToken, "challengeId",
                again.json().path("challengeId").asString(), "credential", owner.passkey().assertion(
                        again.json().path("publicKey").path("challenge").asString(), "localhost", origin())));
        assertThat(done.status()).as(done.toString()).isEqualTo(200);
        assertThat(done.header("Set-Cookie")).contains("sd_refresh=");
        assertThat(api.get("/api/v1/me", done.json().path("accessToken").asString()).json().path("email")
                .asString()).isEqualTo(owner.email());
        // The MFA challenge is spent with the sign-in.
        assertRefused(api.post("/api/v1/auth/mfa/passkey/options", Map.of("mfaToken", mfaToken)), 401,
                "invalid_token");
    }

    @Test
    void aBannedAccountCannotSignInWithItsPasskey() {
        Owner owner = ownerWithPasskey();
        String id = api.get("/api/v1/me", owner.tokens().access()).json().path("id").asString();
        String admin = adminToken();
        assertThat(api.post("/api/v1/admin/users/" + id + "/ban", Map.of("reason", "fraud"), admin).status())
                .isEqualTo(200);
        assertRefused(signInWith(owner.passkey()), 403, "account_banned");
        api.post("/api/v1/admin/users/" + id + "/unban", Map.of(), admin);
        assertThat(signInWith(owner.passkey()).status()).isEqualTo(200);
    }

    @Test
    void anAdminWithAPasskeyAndNoTotpMeetsTheMandatoryMfa() {
        Owner owner = ownerWithPasskey();
        String id = api.get("/api/v1/me", owner.tokens().access()).json().path("id").asString();
        jdbc.update("update users set role = 'ADMIN' where id = ?", id);
        try {
            Api.Response alone = signInWith(owner.passkey());
            String access = alone.json().path("accessToken").asString();
            Api.Response users = api.get("/api/v1/admin/users?size=1", access);
            assertThat(users.status()).as(users.toString()).isEqualTo(200);

            Api.Response password = api.post("/api/v1/auth/login", Map.of("email", owner.email(),
                    "password", PASSWORD));
            assertThat(password.json().path("mfaRequired").asBoolean()).isTrue();
        } finally {
            jdbc.update("update users set role = 'CUSTOMER' where id = ?", id);
        }
    }

    @Test
    void anAdminWithoutMfaMayRegisterAPasskeyToMeetIt() {
        String email = registerCustomer();
        Tokens before = login(email, PASSWORD);
        String id = api.get("/api/v1/me", before.access()).json().path("id").asString();
        jdbc.update("update users set role = 'ADMIN' where id = ?", id);
        try {
            Tokens t = login(email, PASSWORD);
            assertRefused(api.get("/api/v1/admin/users?size=1", t.access()), 403, "mfa_setup_required");
            SoftPasskey key = new SoftPasskey();
            assertThat(addPasskey(t.access(), key, "Security key").status()).isEqualTo(201);
            assertThat(api.get(PASSKEYS, t.access()).status()).isEqualTo(200);
            Api.Response signedIn = signInWith(key);
            assertThat(api.get("/api/v1/admin/users?size=1", signedIn.json().path("accessToken").asString())
                    .status()).isEqualTo(200);
        } finally {
            jdbc.update("update users set role = 'CUSTOMER' where id = ?", id);
        }
    }
}
