package com.sundispatch.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import com.sundispatch.support.Api;
import com.sundispatch.support.IntegrationTest;
import com.sundispatch.support.Mailbox;
import com.sundispatch.support.TotpCodes;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The identity events behind the owner's security notices: what each carries, that each is published inside
 * the transaction that made the change (so the durable notice listeners hear it), and which sign-ins count as
 * a new device.
 */
class SecurityNoticeEventsIT extends IntegrationTest {

    static final String FIREFOX_WINDOWS =
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0";
    static final String CHROME_ANDROID = "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 "
            + "(KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36";

    /** One published event and whether a transaction was open when it was published. */
    record Published(Object event, boolean inTransaction) {
    }

    /** Hears every identity event as it is published (a plain listener: at publication, not after commit). */
    static class IdentityEventRecorder {

        final List<Published> published = new CopyOnWriteArrayList<>();

        @EventListener
        void on(Object event) {
            if (event.getClass().getPackageName().equals("com.sundispatch.identity")) {
                published.add(new Published(event, TransactionSynchronizationManager.isActualTransactionActive()));
            }
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class RecorderConfiguration {
        @Bean
        IdentityEventRecorder identityEventRecorder() {
            return new IdentityEventRecorder();
        }
    }

    @Autowired
    IdentityEventRecorder recorder;

    @Autowired
    JdbcTemplate jdbc;

    /** The events of one type for one account, each checked to have been published inside a transaction. */
    private <T> List<T> published(Class<T> type, String userId) {
        List<T> found = new ArrayList<>();
        for (Published p : recorder.published) {
            if (type.isInstance(p.event()) && userId.equals(userIdOf(p.event()))) {
                assertThat(p.inTransaction()).as("published inside a transaction: " + p.event()).isTrue();
                found.add(type.cast(p.event()));
            }
        }
        return found;
    }

    private static String userIdOf(Object event) {
        try {
            return (String) event.getClass().getMethod("userId").invoke(event);
        } catch (ReflectiveOperationException e) {
            return null;
        }
    }

    private String userIdOf(String access) {
        return api.get("/api/v1/me", access).json().path("id").asString();
    }

    /** A sign-in as a client at an address (through the loopback proxy) with a User-Agent and maybe a cookie. */
    private Api.Response signIn(String email, String userAgent, String ip, String deviceCookie) {
        Map<String, String> headers = new HashMap<>();
        headers.put("User-Agent", userAgent);
        headers.put("X-Forwarded-For", ip);
        if (deviceCookie != null) {
            headers.put("Cookie", "sd_device=" + deviceCookie);
        }
        Api.Response r = api.send("POST", "/api/v1/auth/login", Map.of("email", email, "password", PASSWORD), null,
                headers);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r;
    }

    private static String deviceSetCookie(Api.Response r) {
        return r.headers("Set-Cookie").stream().filter(c -> c.startsWith("sd_device=")).findFirst().orElse(null);
    }

    private static String deviceCookie(Api.Response r) {
        String header = deviceSetCookie(r);
        return header == null ? null : header.substring("sd_device=".length(), header.indexOf(';'));
    }

    private static String sha256Hex(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    // --- new devices ---

    @Test
    void firstSignInEverTellsNothingAndGivesTheBrowserAHashedLongLivedDeviceCookie() throws Exception {
        String email = registerCustomer();
        Api.Response r = signIn(email, FIREFOX_WINDOWS, "203.0.113.57", null);
        String userId = userIdOf(r.json().path("accessToken").asString());

        assertThat(r.header("Set-Cookie")).as("the refresh cookie stays the first").startsWith("sd_refresh=");
        String header = deviceSetCookie(r);
        assertThat(header).matches("sd_device=[A-Za-z0-9_-]{22};.*")
                .contains("HttpOnly", "Secure", "SameSite=Strict", "Path=/api/v1/auth", "Max-Age=34560000");
        String cookie = deviceCookie(r);
        assertThat(r.body()).doesNotContain(cookie);
        assertThat(published(NewDeviceSignIn.class, userId)).isEmpty();

        List<Map<String, Object>> rows = jdbc.queryForList("select * from known_devices where user_id = ?", userId);
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).get("device_hash")).isEqualTo(sha256Hex(cookie));
        assertThat(rows.get(0).get("browser")).isEqualTo("Firefox");
        assertThat(rows.get(0).get("operating_system")).isEqualTo("Windows");
        assertThat(rows.get(0).get("network")).isEqualTo("203.0.113.0/24");
        assertThat(rows.get(0).toString()).doesNotContain(cookie, "203.0.113.57");
    }

    @Test
    void signInAgainWithTheSameCookieTellsNothingEvenFromAnotherNetwork() {
        String email = registerCustomer();
        String cookie = deviceCookie(signIn(email, FIREFOX_WINDOWS, "203.0.113.57", null));

        Api.Response again = signIn(email, FIREFOX_WINDOWS, "198.51.100.7", cookie);
        String userId = userIdOf(again.json().path("accessToken").asString());
        assertThat(published(NewDeviceSignIn.class, userId)).isEmpty();
        assertThat(deviceCookie(again)).as("the known cookie is kept alive").isEqualTo(cookie);
        assertThat(jdbc.queryForObject("select count(*) from known_devices where user_id = ?", Integer.class,
                userId)).isEqualTo(1);
    }

    @Test
    void signInWithoutTheCookieFromAnotherBrowserTellsOfTheNewDeviceCoarsely() {
        String email = registerCustomer();
        signIn(email, FIREFOX_WINDOWS, "203.0.113.57", null);

        Api.Response phone = signIn(email, CHROME_ANDROID, "2001:db8:1:2::5", null);
        String userId = userIdOf(phone.json().path("accessToken").asString());
        List<NewDeviceSignIn> told = published(NewDeviceSignIn.class, userId);
        assertThat(told).hasSize(1);
        NewDeviceSignIn event = told.get(0);
        assertThat(event.eventId()).startsWith("evt_");
        assertThat(event.browser()).isEqualTo("Chrome");
        assertThat(event.operatingSystem()).isEqualTo("Android");
        assertThat(event.network()).isEqualTo("2001:db8:1::/48");
        assertThat(event.signedInAt()).isNotNull();
        assertThat(event.toString()).doesNotContain("2001:db8:1:2", deviceCookie(phone));
        assertThat(deviceCookie(phone)).isNotNull();

        // The phone is known now: its cookie, or its browser, OS and network, tell nothing again.
        signIn(email, CHROME_ANDROID, "2001:db8:1:ffff::9", deviceCookie(phone));
        signIn(email, CHROME_ANDROID, "2001:db8:1:2::77", null);
        assertThat(published(NewDeviceSignIn.class, userId)).hasSize(1);
    }

    @Test
    void signInWithAnUnknownCookieTellsOfTheNewDeviceAndNeverAdoptsThatCookie() {
        String email = registerCustomer();
        String mine = deviceCookie(signIn(email, FIREFOX_WINDOWS, "203.0.113.57", null));
        String planted = "AAAAAAAAAAAAAAAAAAAAAA";

        Api.Response r = signIn(email, FIREFOX_WINDOWS, "203.0.113.57", planted);
        String userId = userIdOf(r.json().path("accessToken").asString());
        List<NewDeviceSignIn> told = published(NewDeviceSignIn.class, userId);
        assertThat(told).hasSize(1);
        assertThat(told.get(0).browser()).isEqualTo("Firefox");
        assertThat(told.get(0).operatingSystem()).isEqualTo("Windows");
        assertThat(told.get(0).network()).isEqualTo("203.0.113.0/24");
        assertThat(deviceCookie(r)).isNotNull().isNotEqualTo(planted).isNotEqualTo(mine);
        // Someone else's account's cookie is no device of this one either.
        String other = deviceCookie(signIn(registerCustomer(), FIREFOX_WINDOWS, "203.0.113.57", null));
        signIn(email, FIREFOX_WINDOWS, "203.0.113.57", other);
        assertThat(published(NewDeviceSignIn.class, userId)).hasSize(2);
    }

    @Test
    void clientWithoutCookieIsKnownByBrowserOsAndNetwork() {
        String email = registerCustomer();
        Api.Response first = signIn(email, "curl/8.5.0", "203.0.113.10", null);
        String userId = userIdOf(first.json().path("accessToken").asString());

        signIn(email, "curl/8.5.0", "203.0.113.99", null);
        assertThat(published(NewDeviceSignIn.class, userId)).as("same /24, same client").isEmpty();

        signIn(email, "curl/8.5.0", "192.0.2.1", null);
        List<NewDeviceSignIn> told = published(NewDeviceSignIn.class, userId);
        assertThat(told).hasSize(1);
        assertThat(told.get(0).browser()).isEqualTo("other");
        assertThat(told.get(0).operatingSystem()).isEqualTo("other");
        assertThat(told.get(0).network()).isEqualTo("192.0.2.0/24");
    }

    @Test
    void anAccountRemembersAtMostTwentyDevicesForgettingTheLeastRecentlySeen() {
        String email = registerCustomer();
        String firstCookie = null;
        String userId = null;
        for (int i = 0; i < 22; i++) {
            Api.Response r = signIn(email, FIREFOX_WINDOWS, "10.0." + i + ".1", null);
            clock.advance(java.time.Duration.ofSeconds(1));
            if (i == 0) {
                firstCookie = deviceCookie(r);
                userId = userIdOf(r.json().path("accessToken").asString());
            }
        }
        assertThat(jdbc.queryForObject("select count(*) from known_devices where user_id = ?", Integer.class,
                userId)).isEqualTo(20);
        assertThat(published(NewDeviceSignIn.class, userId)).hasSize(21);
        // The oldest one was forgotten: its cookie is a new device again.
        signIn(email, FIREFOX_WINDOWS, "10.0.21.1", firstCookie);
        assertThat(published(NewDeviceSignIn.class, userId)).hasSize(22);
    }

    // --- password, MFA, recovery codes ---

    @Test
    void ownerChangingThePasswordPublishesPasswordChangedNotViaReset() {
        Tokens t = login(registerCustomer(), PASSWORD);
        String userId = userIdOf(t.access());
        Api.Response r = api.post("/api/v1/me/password", Map.of("currentPassword", PASSWORD,
                "newPassword", "Quiet-harbour-violin-7715"), t.access());
        assertThat(r.status()).as(r.toString()).isEqualTo(204);
        List<PasswordChanged> changed = published(PasswordChanged.class, userId);
        assertThat(changed).hasSize(1);
        assertThat(changed.get(0).viaReset()).isFalse();
        assertThat(changed.get(0).eventId()).startsWith("evt_");
        assertThat(changed.get(0).changedAt()).isNotNull();
    }

    @Test
    void passwordResetPublishesPasswordChangedViaResetAndEndsEverySessionOfTheAccount() {
        String email = registerCustomer();
        Tokens laptop = login(email, PASSWORD);
        Tokens phone = login(email, PASSWORD);
        String userId = userIdOf(laptop.access());

        api.post("/api/v1/auth/password-reset/request", Map.of("email", email));
        MimeMessage mail = Mailbox.await(email, "Reset your");
        Api.Response confirmed = api.post("/api/v1/auth/password-reset/confirm",
                Map.of("token", Mailbox.token(mail), "newPassword", "Quiet-harbour-violin-7715"));
        assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(204);

        List<PasswordChanged> changed = published(PasswordChanged.class, userId);
        assertThat(changed).hasSize(1);
        assertThat(changed.get(0).viaReset()).isTrue();
        for (Tokens session : List.of(laptop, phone)) {
            assertThat(api.post("/api/v1/auth/refresh", Map.of("refreshToken", session.refresh())).status())
                    .as("the refresh token of every session is dead").isEqualTo(401);
            assertThat(api.get("/api/v1/me", session.access()).status())
                    .as("and so is its access token").isEqualTo(401);
        }
        assertThat(jdbc.queryForObject("select count(*) from user_sessions where user_id = ? and revoked_at is null",
                Integer.class, userId)).isZero();
    }

    @Test
    void mfaTurnedOnAndOffPublishesMfaEnabledAndMfaDisabled() {
        Tokens t = login(registerCustomer(), PASSWORD);
        String userId = userIdOf(t.access());
        String secret = enableMfa(t).secret();
        List<MfaEnabled> enabled = published(MfaEnabled.class, userId);
        assertThat(enabled).hasSize(1);
        assertThat(enabled.get(0).eventId()).startsWith("evt_");
        assertThat(enabled.get(0).enabledAt()).isNotNull();
        assertThat(published(MfaDisabled.class, userId)).isEmpty();

        Api.Response off = api.post("/api/v1/me/mfa/totp/disable", Map.of("code",
                TotpCodes.code(secret, TotpCodes.step(clock.instant())), "password", PASSWORD), t.access());
        assertThat(off.status()).as(off.toString()).isEqualTo(204);
        List<MfaDisabled> disabled = published(MfaDisabled.class, userId);
        assertThat(disabled).hasSize(1);
        assertThat(disabled.get(0).disabledAt()).isNotNull();
    }

    @Test
    void signInWithARecoveryCodePublishesRecoveryCodeUsedWithTheCodesLeftAndNoCode() {
        String email = registerCustomer();
        Tokens t = login(email, PASSWORD);
        String userId = userIdOf(t.access());
        Mfa mfa = enableMfa(t);
        List<String> codes = mfa.recoveryCodes();

        Api.Response step1 = signIn(email, FIREFOX_WINDOWS, "203.0.113.57", null);
        assertThat(step1.json().path("mfaRequired").asBoolean()).isTrue();
        assertThat(published(NewDeviceSignIn.class, userId)).as("not before the second factor").isEmpty();
        Api.Response verified = api.send("POST", "/api/v1/auth/mfa/verify",
                Map.of("mfaToken", step1.json().path("mfaToken").asString(), "code", codes.get(0)), null,
                Map.of("User-Agent", FIREFOX_WINDOWS, "X-Forwarded-For", "203.0.113.57"));
        assertThat(verified.status()).as(verified.toString()).isEqualTo(200);

        List<RecoveryCodeUsed> used = published(RecoveryCodeUsed.class, userId);
        assertThat(used).hasSize(1);
        assertThat(used.get(0).remaining()).isEqualTo(9);
        assertThat(used.get(0).eventId()).startsWith("evt_");
        assertThat(used.get(0).toString()).doesNotContain(codes.get(0), codes.get(0).replace("-", ""));
        assertThat(published(NewDeviceSignIn.class, userId)).as("a completed sign-in from a new browser")
                .hasSize(1);
        assertThat(deviceCookie(verified)).isNotNull();

        // A TOTP code is no recovery code: nothing more is told.
        Api.Response again = signIn(email, FIREFOX_WINDOWS, "203.0.113.57", deviceCookie(verified));
        clock.advance(java.time.Duration.ofSeconds(30));
        assertThat(api.post("/api/v1/auth/mfa/verify", Map.of("mfaToken", again.json().path("mfaToken").asString(),
                "code", TotpCodes.code(mfa.secret(), TotpCodes.step(clock.instant())))).status()).isEqualTo(200);
        assertThat(published(RecoveryCodeUsed.class, userId)).hasSize(1);
    }

    // --- bans ---

    @Test
    void banAndUnbanArePublishedInsideTheirTransactions() {
        Tokens t = login(registerCustomer(), PASSWORD);
        String userId = userIdOf(t.access());
        String admin = adminToken();
        assertThat(api.post("/api/v1/admin/users/" + userId + "/ban", Map.of("reason", "fraud"), admin).status())
                .isEqualTo(200);
        assertThat(published(AccountBanned.class, userId)).hasSize(1);
        assertThat(api.post("/api/v1/admin/users/" + userId + "/unban", Map.of(), admin).status()).isEqualTo(200);
        assertThat(published(AccountUnbanned.class, userId)).hasSize(1);
    }

    // --- helpers ---

    private record Mfa(String secret, List<String> recoveryCodes) {
    }

    private Mfa enableMfa(Tokens t) {
        stepUp(t.access());
        Api.Response setup = api.post("/api/v1/me/mfa/totp/setup", null, t.access());
        assertThat(setup.status()).as(setup.toString()).isEqualTo(200);
        String secret = setup.json().path("secret").asString();
        Api.Response enabled = api.post("/api/v1/me/mfa/totp/enable",
                Map.of("code", TotpCodes.code(secret, TotpCodes.step(clock.instant()) - 1)), t.access());
        assertThat(enabled.status()).as(enabled.toString()).isEqualTo(200);
        List<String> codes = new ArrayList<>();
        enabled.json().path("recoveryCodes").forEach(c -> codes.add(c.asString()));
        return new Mfa(secret, codes);
    }
}
