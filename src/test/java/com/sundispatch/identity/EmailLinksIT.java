package com.sundispatch.identity;

import java.time.Duration;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;

import com.sundispatch.support.Api;
import com.sundispatch.support.IntegrationTest;
import com.sundispatch.support.Mailbox;

import static org.assertj.core.api.Assertions.assertThat;

/** Email verification and password reset through real mails (GreenMail) and their single-use links. */
class EmailLinksIT extends IntegrationTest {

    @Test
    void registerThenVerificationMailWhoseLinkVerifiesOnce() {
        String email = registerCustomer();
        MimeMessage mail = Mailbox.await(email, "Confirm your email");
        // No public base URL is configured in the tests: the link points at the port this server really has.
        assertThat(port).isNotEqualTo(8080);
        assertThat(Mailbox.body(mail)).contains("http://localhost:" + port + "/verify-email#token=");
        String token = Mailbox.token(mail);
        Tokens t = login(email, PASSWORD);
        assertThat(api.get("/api/v1/me", t.access()).json().path("emailVerified").asBoolean()).isFalse();

        assertThat(api.post("/api/v1/auth/verify-email", Map.of("token", token)).status()).isEqualTo(204);
        assertThat(api.get("/api/v1/me", t.access()).json().path("emailVerified").asBoolean()).isTrue();

        Api.Response again = api.post("/api/v1/auth/verify-email", Map.of("token", token));
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.code()).isEqualTo("invalid_token");
    }

    @Test
    void verifyEmailWhenLinkOlderThan24HoursThenInvalidToken() {
        String email = registerCustomer();
        String token = Mailbox.token(Mailbox.await(email, "Confirm your email"));
        clock.advance(Duration.ofHours(24).plusMinutes(1));
        assertThat(api.post("/api/v1/auth/verify-email", Map.of("token", token)).code()).isEqualTo("invalid_token");
    }

    @Test
    void verifyEmailWhenTokenUnknownOrMissingThen400() {
        assertThat(api.post("/api/v1/auth/verify-email", Map.of("token", "forged")).code()).isEqualTo("invalid_token");
        assertThat(api.post("/api/v1/auth/verify-email", Map.of()).code()).isEqualTo("validation_failed");
    }

    @Test
    void resendVerificationRetiresTheOlderLink() {
        String email = registerCustomer();
        String first = Mailbox.token(Mailbox.await(email, "Confirm your email"));
        Tokens t = login(email, PASSWORD);
        assertThat(api.post("/api/v1/me/verify-email/resend", null, t.access()).status()).isEqualTo(202);
        String second = awaitNewToken(email, "Confirm your email", first);
        assertThat(api.post("/api/v1/auth/verify-email", Map.of("token", first)).status()).isEqualTo(400);
        assertThat(api.post("/api/v1/auth/verify-email", Map.of("token", second)).status()).isEqualTo(204);
        assertThat(api.post("/api/v1/me/verify-email/resend", null).status()).isEqualTo(401);
    }

    @Test
    void resetRequestAnswersTheSameForKnownAndUnknownEmails() {
        String email = registerCustomer();
        Api.Response known = api.post("/api/v1/auth/password-reset/request", Map.of("email", email));
        Api.Response unknown = api.post("/api/v1/auth/password-reset/request", Map.of("email", uniqueEmail()));
        Api.Response garbage = api.post("/api/v1/auth/password-reset/request", Map.of("email", "ålice@x"));
        assertThat(known.status()).isEqualTo(202);
        assertThat(unknown.status()).isEqualTo(202);
        assertThat(garbage.status()).isEqualTo(202);
        assertThat(known.body()).isEqualTo(unknown.body()).isEqualTo(garbage.body());
        assertThat(Mailbox.await(email, "Reset your")).isNotNull();
    }

    @Test
    void resetConfirmSetsPasswordEndsEverySessionAndWorksOnce() {
        String email = registerCustomer();
        Tokens before = login(email, PASSWORD);
        api.post("/api/v1/auth/password-reset/request", Map.of("email", email));
        MimeMessage mail = Mailbox.await(email, "Reset your");
        assertThat(Mailbox.body(mail)).contains("/reset-password#token=").doesNotContain(PASSWORD);
        String token = Mailbox.token(mail);
        String newPassword = "Granite-harbour-violet-5512";

        Api.Response weak = api.post("/api/v1/auth/password-reset/confirm",
                Map.of("token", token, "newPassword", "password123"));
        assertThat(weak.code()).isEqualTo("weak_password");

        assertThat(api.post("/api/v1/auth/password-reset/confirm", Map.of("token", token, "newPassword", newPassword))
                .status()).isEqualTo(204);
        assertThat(api.get("/api/v1/me", before.access()).status()).isEqualTo(401);
        assertThat(api.post("/api/v1/auth/refresh", Map.of("refreshToken", before.refresh())).status()).isEqualTo(401);
        assertThat(api.post("/api/v1/auth/login", Map.of("email", email, "password", PASSWORD)).status())
                .isEqualTo(401);
        login(email, newPassword);

        Api.Response reused = api.post("/api/v1/auth/password-reset/confirm",
                Map.of("token", token, "newPassword", "Another-orchard-kettle-7731"));
        assertThat(reused.code()).isEqualTo("invalid_token");
    }

    @Test
    void resetConfirmWhenLinkOlderThan30MinutesThenInvalidToken() {
        String email = registerCustomer();
        api.post("/api/v1/auth/password-reset/request", Map.of("email", email));
        String token = Mailbox.token(Mailbox.await(email, "Reset your"));
        clock.advance(Duration.ofMinutes(31));
        assertThat(api.post("/api/v1/auth/password-reset/confirm",
                Map.of("token", token, "newPassword", "Granite-harbour-violet-5512")).code()).isEqualTo("invalid_token");
    }

    @Test
    void resetConfirmWhenNewPasswordBreachedOrMalformedThenRefusedAndLinkStillWorks() {
        String email = registerCustomer();
        api.post("/api/v1/auth/password-reset/request", Map.of("email", email));
        String token = Mailbox.token(Mailbox.await(email, "Reset your"));
        for (String breached : new String[] { "correct horse battery staple", "password123456", "qwertyuiop123" }) {
            Api.Response r = api.post("/api/v1/auth/password-reset/confirm",
                    Map.of("token", token, "newPassword", breached));
            assertThat(r.code()).as(breached).isEqualTo("weak_password");
        }
        Api.Response malformed = api.post("/api/v1/auth/password-reset/confirm",
                "{\"token\":\"" + token + "\",\"newPassword\":\"Granite-harbour-\\ud83d-5512\"}");
        assertThat(malformed.code()).isEqualTo("validation_failed");
        assertThat(malformed.json().path("errors").get(0).path("field").asString()).isEqualTo("newPassword");
        assertThat(api.post("/api/v1/auth/password-reset/confirm",
                Map.of("token", token, "newPassword", "Granite-harbour-violet-5512")).status()).isEqualTo(204);
    }

    @Test
    void resetWhenLockFailsOnceThenRetriedAndWhenAlwaysThen503WithTheLinkUnspent() {
        String email = registerCustomer();
        api.post("/api/v1/auth/password-reset/request", Map.of("email", email));
        String token = Mailbox.token(Mailbox.await(email, "Reset your"));
        writeFaults.failNext("password_reset", 100);
        Api.Response busy = api.post("/api/v1/auth/password-reset/confirm",
                Map.of("token", token, "newPassword", "Granite-harbour-violet-5512"));
        assertThat(busy.status()).isEqualTo(503);
        assertThat(busy.code()).isEqualTo("server_busy");
        login(email, PASSWORD);

        writeFaults.failNext("password_reset", 1);
        assertThat(api.post("/api/v1/auth/password-reset/confirm",
                Map.of("token", token, "newPassword", "Granite-harbour-violet-5512")).status()).isEqualTo(204);
        login(email, "Granite-harbour-violet-5512");
    }

    private static String awaitNewToken(String email, String subject, String old) {
        for (int i = 0; i < 200; i++) {
            String t = Mailbox.token(Mailbox.await(email, subject));
            if (!t.equals(old)) {
                return t;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        throw new AssertionError("no new mail");
    }
}
