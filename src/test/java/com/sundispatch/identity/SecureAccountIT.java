package com.sundispatch.identity;

import java.util.Map;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;

import com.sundispatch.support.Api;
import com.sundispatch.support.IntegrationTest;
import com.sundispatch.support.Mailbox;

import static org.assertj.core.api.Assertions.assertThat;

/** "This wasn't me": one click ends every session, disables the password and mails a way back in. */
class SecureAccountIT extends IntegrationTest {

    private static final String SECURED = "Your SunDispatch account was secured";

    @Test
    void secureAccountEndsEverySessionDisablesThePasswordAndMailsAResetLink() {
        String email = registerVerifiedCustomer();
        Tokens here = login(email, PASSWORD);
        Tokens elsewhere = login(email, PASSWORD);

        // No step-up: it only makes the account safer.
        assertThat(api.post("/api/v1/me/secure-account", null, here.access()).status()).isEqualTo(204);

        for (Tokens t : new Tokens[] { here, elsewhere }) {
            assertThat(api.get("/api/v1/me", t.access()).status()).isEqualTo(401);
            assertThat(api.post("/api/v1/auth/refresh", Map.of("refreshToken", t.refresh())).status()).isEqualTo(401);
        }
        assertThat(api.post("/api/v1/auth/login", Map.of("email", email, "password", PASSWORD)).status())
                .isEqualTo(401);

        MimeMessage mail = Mailbox.await(email, SECURED);
        assertThat(Mailbox.body(mail)).contains("/reset-password#token=").doesNotContain(PASSWORD);
        String fresh = "Granite-harbour-violet-5512";
        assertThat(api.post("/api/v1/auth/password-reset/confirm",
                Map.of("token", Mailbox.token(mail), "newPassword", fresh)).status()).isEqualTo(204);
        Tokens back = login(email, fresh);

        eventually("the securing shows in the sign-in history", () -> api.get("/api/v1/me/security-events", back.access())
                .json().path("items").findValuesAsString("kind").contains("account_secured"));
    }

    @Test
    void secureAccountCancelsAPendingEmailChange() {
        String email = registerVerifiedCustomer();
        Tokens t = login(email, PASSWORD);
        stepUp(t.access());
        String newEmail = uniqueEmail();
        api.post("/api/v1/me/email", Map.of("newEmail", newEmail), t.access());
        String token = Mailbox.token(Mailbox.await(newEmail, "Confirm your new email address"));

        assertThat(api.post("/api/v1/me/secure-account", null, t.access()).status()).isEqualTo(204);
        Api.Response confirm = api.post("/api/v1/auth/email-change/confirm", Map.of("token", token));
        assertThat(confirm.code()).isEqualTo("invalid_token");
    }

    @Test
    void secureAccountWithoutTokenIs401() {
        assertThat(api.post("/api/v1/me/secure-account", null).status()).isEqualTo(401);
    }
}
