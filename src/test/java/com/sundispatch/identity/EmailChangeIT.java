package com.sundispatch.identity;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;

import com.sundispatch.support.Api;
import com.sundispatch.support.IntegrationTest;
import com.sundispatch.support.Mailbox;

import static org.assertj.core.api.Assertions.assertThat;

/** Changing the email address: link to the new address, notice with undo link to the old one, sessions, conflicts. */
class EmailChangeIT extends IntegrationTest {

    private static final String NEW_LINK = "Confirm your new email address";
    private static final String OLD_NOTICE = "email address of your SunDispatch account was changed";

    private Api.Response requestChange(String access, String newEmail) {
        return api.post("/api/v1/me/email", Map.of("newEmail", newEmail), access);
    }

    @Test
    void changeWhenConfirmedSwitchesAddressTellsOldAddressAndEndsOtherSessions() {
        String oldEmail = registerVerifiedCustomer();
        Tokens here = login(oldEmail, PASSWORD);
        Tokens elsewhere = login(oldEmail, PASSWORD);
        stepUp(here.access());
        String newEmail = uniqueEmail();

        assertThat(requestChange(here.access(), newEmail).status()).isEqualTo(202);
        MimeMessage link = Mailbox.await(newEmail, NEW_LINK);
        assertThat(Mailbox.body(link)).contains("/confirm-email-change#token=");

        // Until the new address is confirmed the account keeps working with the old one.
        Api.Response me = api.get("/api/v1/me", here.access());
        assertThat(me.json().path("email").asString()).isEqualTo(oldEmail);
        assertThat(me.json().path("pendingEmail").asString()).isEqualTo(newEmail);
        login(oldEmail, PASSWORD);
        assertThat(api.post("/api/v1/auth/login", Map.of("email", newEmail, "password", PASSWORD)).status())
                .isEqualTo(401);

        Api.Response confirmed = api.send("POST", "/api/v1/auth/email-change/confirm",
                Map.of("token", Mailbox.token(link)), here.access(), Map.of());
        assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(204);

        Api.Response after = api.get("/api/v1/me", here.access());
        assertThat(after.status()).isEqualTo(200);
        assertThat(after.json().path("email").asString()).isEqualTo(newEmail);
        assertThat(after.json().path("emailVerified").asBoolean()).isTrue();
        assertThat(after.json().path("pendingEmail").isNull() || after.json().path("pendingEmail").isMissingNode())
                .isTrue();
        assertThat(api.get("/api/v1/me", elsewhere.access()).status()).isEqualTo(401);
        assertThat(api.post("/api/v1/auth/refresh", Map.of("refreshToken", elsewhere.refresh())).status())
                .isEqualTo(401);
        login(newEmail, PASSWORD);
        assertThat(api.post("/api/v1/auth/login", Map.of("email", oldEmail, "password", PASSWORD)).status())
                .isEqualTo(401);

        MimeMessage notice = Mailbox.await(oldEmail, OLD_NOTICE);
        assertThat(Mailbox.body(notice)).contains("/undo-email-change#token=")
                .doesNotContain(newEmail).contains(newEmail.substring(newEmail.indexOf('@')));
    }

    @Test
    void confirmWithTokenOnlyEndsEverySessionAndTheLinkWorksOnce() {
        String oldEmail = registerVerifiedCustomer();
        Tokens t = login(oldEmail, PASSWORD);
        stepUp(t.access());
        String newEmail = uniqueEmail();
        requestChange(t.access(), newEmail);
        String token = Mailbox.token(Mailbox.await(newEmail, NEW_LINK));

        assertThat(api.post("/api/v1/auth/email-change/confirm", Map.of("token", token)).status()).isEqualTo(204);
        assertThat(api.get("/api/v1/me", t.access()).status()).isEqualTo(401);

        Api.Response reused = api.post("/api/v1/auth/email-change/confirm", Map.of("token", token));
        assertThat(reused.status()).isEqualTo(400);
        assertThat(reused.code()).isEqualTo("invalid_token");
    }

    @Test
    void undoWithinSevenDaysRestoresOldAddressEndsEverySessionAndMailsAResetLink() {
        String oldEmail = registerVerifiedCustomer();
        Tokens t = login(oldEmail, PASSWORD);
        stepUp(t.access());
        String newEmail = uniqueEmail();
        requestChange(t.access(), newEmail);
        api.post("/api/v1/auth/email-change/confirm", Map.of("token", Mailbox.token(Mailbox.await(newEmail, NEW_LINK))));
        Tokens attacker = login(newEmail, PASSWORD);
        String undo = Mailbox.token(Mailbox.await(oldEmail, OLD_NOTICE));

        clock.advance(Duration.ofDays(6));
        assertThat(api.post("/api/v1/auth/email-change/undo", Map.of("token", undo)).status()).isEqualTo(204);

        assertThat(api.get("/api/v1/me", attacker.access()).status()).isEqualTo(401);
        assertThat(api.post("/api/v1/auth/refresh", Map.of("refreshToken", attacker.refresh())).status())
                .isEqualTo(401);
        // The password may be known to whoever changed the address: it no longer works, a reset link does.
        assertThat(api.post("/api/v1/auth/login", Map.of("email", newEmail, "password", PASSWORD)).status())
                .isEqualTo(401);
        assertThat(api.post("/api/v1/auth/login", Map.of("email", oldEmail, "password", PASSWORD)).status())
                .isEqualTo(401);
        String reset = Mailbox.token(Mailbox.await(oldEmail, "choose a new password"));
        String fresh = "Granite-harbour-violet-5512";
        assertThat(api.post("/api/v1/auth/password-reset/confirm", Map.of("token", reset, "newPassword", fresh))
                .status()).isEqualTo(204);
        Tokens back = login(oldEmail, fresh);
        assertThat(api.get("/api/v1/me", back.access()).json().path("email").asString()).isEqualTo(oldEmail);

        assertThat(api.post("/api/v1/auth/email-change/undo", Map.of("token", undo)).code()).isEqualTo("invalid_token");
    }

    /** Moves the signed-in account's address to {@code to}, confirmed; returns the undo token mailed to {@code from}. */
    private String moveAndConfirm(String access, String from, String to) {
        stepUp(access);
        assertThat(requestChange(access, to).status()).isEqualTo(202);
        assertThat(api.post("/api/v1/auth/email-change/confirm",
                Map.of("token", Mailbox.token(Mailbox.await(to, NEW_LINK)))).status()).isEqualTo(204);
        return Mailbox.token(Mailbox.await(from, OLD_NOTICE));
    }

    @Test
    void anIntruderWhoMovesTheAddressTwiceCannotUndoBackToTheirOwnAddressAndTheOwnersUndoWins() {
        String owner = registerVerifiedCustomer();
        String intruderFirst = uniqueEmail();
        String intruderSecond = uniqueEmail();
        String ownersUndo = moveAndConfirm(login(owner, PASSWORD).access(), owner, intruderFirst);
        String intrudersUndo = moveAndConfirm(login(intruderFirst, PASSWORD).access(), intruderFirst, intruderSecond);

        // The later change's link (mailed to the intruder's first address) is refused while the owner's is open.
        assertThat(api.post("/api/v1/auth/email-change/undo", Map.of("token", intrudersUndo)).code())
                .isEqualTo("invalid_token");
        assertThat(api.post("/api/v1/auth/email-change/undo", Map.of("token", ownersUndo)).status()).isEqualTo(204);
        // Once the owner is back, no other link moves the address again.
        assertThat(api.post("/api/v1/auth/email-change/undo", Map.of("token", intrudersUndo)).code())
                .isEqualTo("invalid_token");
        String reset = Mailbox.token(Mailbox.await(owner, "choose a new password"));
        String fresh = "Granite-harbour-violet-5512";
        assertThat(api.post("/api/v1/auth/password-reset/confirm", Map.of("token", reset, "newPassword", fresh))
                .status()).isEqualTo(204);
        assertThat(api.get("/api/v1/me", login(owner, fresh).access()).json().path("email").asString())
                .isEqualTo(owner);
    }

    @Test
    void anAddressInItsUndoWindowCannotBeTakenByAnotherAccount() {
        String owner = registerVerifiedCustomer();
        moveAndConfirm(login(owner, PASSWORD).access(), owner, uniqueEmail());
        String other = registerVerifiedCustomer();
        Tokens t = login(other, PASSWORD);
        stepUp(t.access());
        assertThat(requestChange(t.access(), owner).status()).isEqualTo(202);
        Api.Response taken = api.post("/api/v1/auth/email-change/confirm",
                Map.of("token", Mailbox.token(Mailbox.await(owner, NEW_LINK))));
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.code()).isEqualTo("email_taken");
    }

    @Test
    void undoAfterEightDaysIsRefused() {
        String oldEmail = registerVerifiedCustomer();
        Tokens t = login(oldEmail, PASSWORD);
        stepUp(t.access());
        String newEmail = uniqueEmail();
        requestChange(t.access(), newEmail);
        api.post("/api/v1/auth/email-change/confirm", Map.of("token", Mailbox.token(Mailbox.await(newEmail, NEW_LINK))));
        String undo = Mailbox.token(Mailbox.await(oldEmail, OLD_NOTICE));

        clock.advance(Duration.ofDays(8));
        Api.Response late = api.post("/api/v1/auth/email-change/undo", Map.of("token", undo));
        assertThat(late.status()).isEqualTo(400);
        assertThat(late.code()).isEqualTo("invalid_token");
        login(newEmail, PASSWORD);
    }

    @Test
    void changeToAnAddressOfAnotherAccountAnswersTheSameAndTellsThatAccountsOwner() {
        String other = registerVerifiedCustomer();
        String email = registerVerifiedCustomer();
        Tokens t = login(email, PASSWORD);
        stepUp(t.access());
        String free = uniqueEmail();

        Api.Response taken = requestChange(t.access(), other);
        assertThat(taken.status()).isEqualTo(202);
        assertThat(api.get("/api/v1/me", t.access()).json().path("pendingEmail").asString()).isEqualTo(other);
        Api.Response fresh = requestChange(t.access(), free);
        assertThat(fresh.status()).isEqualTo(202);
        assertThat(taken.body()).isEqualTo(fresh.body());

        MimeMessage notice = Mailbox.await(other, "Someone tried to use your address");
        assertThat(Mailbox.body(notice)).doesNotContain("#token=").doesNotContain(email);
        assertThat(Mailbox.count(other, NEW_LINK)).isZero();
        login(other, PASSWORD);
    }

    @Test
    void confirmWhenTheNewAddressWasTakenMeanwhileThenEmailTaken() {
        String email = registerVerifiedCustomer();
        Tokens t = login(email, PASSWORD);
        stepUp(t.access());
        String newEmail = uniqueEmail();
        requestChange(t.access(), newEmail);
        String token = Mailbox.token(Mailbox.await(newEmail, NEW_LINK));
        register(api, newEmail, PASSWORD, "Grace Hopper");
        awaitVerificationMail(newEmail);

        Api.Response r = api.post("/api/v1/auth/email-change/confirm", Map.of("token", token));
        assertThat(r.status()).isEqualTo(409);
        assertThat(r.code()).isEqualTo("email_taken");
        assertThat(api.get("/api/v1/me", t.access()).json().path("email").asString()).isEqualTo(email);
    }

    @Test
    void cancelRetiresThePendingChangeAndItsLink() {
        String email = registerVerifiedCustomer();
        Tokens t = login(email, PASSWORD);
        stepUp(t.access());
        String newEmail = uniqueEmail();
        requestChange(t.access(), newEmail);
        String token = Mailbox.token(Mailbox.await(newEmail, NEW_LINK));

        assertThat(api.send("DELETE", "/api/v1/me/email-change", null, t.access(), Map.of()).status()).isEqualTo(204);
        assertThat(api.get("/api/v1/me", t.access()).json().path("pendingEmail").isNull()
                || api.get("/api/v1/me", t.access()).json().path("pendingEmail").isMissingNode()).isTrue();
        assertThat(api.post("/api/v1/auth/email-change/confirm", Map.of("token", token)).code())
                .isEqualTo("invalid_token");
        assertThat(api.send("DELETE", "/api/v1/me/email-change", null, null, Map.of()).status()).isEqualTo(401);
    }

    @Test
    void changeWithoutTokenIs401AndWithoutStepUpIs403() {
        assertThat(requestChange(null, uniqueEmail()).status()).isEqualTo(401);
        Tokens t = newCustomerSession();
        Api.Response r = requestChange(t.access(), uniqueEmail());
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.code()).isEqualTo(Accounts.REAUTHENTICATION_REQUIRED);
    }

    @Test
    void changeToABadOrTheSameAddressIs400() {
        String email = registerCustomer();
        Tokens t = login(email, PASSWORD);
        stepUp(t.access());
        Api.Response bad = requestChange(t.access(), "not-an-address");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.code()).isEqualTo("validation_failed");
        assertThat(bad.json().path("errors").get(0).path("field").asString()).isEqualTo("newEmail");
        assertThat(api.post("/api/v1/me/email", Map.of(), t.access()).status()).isEqualTo(400);
        Api.Response same = requestChange(t.access(), email.toUpperCase(Locale.ROOT));
        assertThat(same.code()).isEqualTo("email_unchanged");
    }

    @Test
    void confirmOrUndoWithAForgedOrMissingTokenIs400() {
        assertThat(api.post("/api/v1/auth/email-change/confirm", Map.of("token", "forged")).code())
                .isEqualTo("invalid_token");
        assertThat(api.post("/api/v1/auth/email-change/undo", Map.of("token", "forged")).code())
                .isEqualTo("invalid_token");
        assertThat(api.post("/api/v1/auth/email-change/confirm", Map.of()).code()).isEqualTo("validation_failed");
    }

    @Test
    void aConfirmationLinkOfSomeoneElsesChangeNeverKeepsMySession() {
        String mine = registerVerifiedCustomer();
        Tokens me = login(mine, PASSWORD);
        String theirs = registerVerifiedCustomer();
        Tokens them = login(theirs, PASSWORD);
        stepUp(them.access());
        String newEmail = uniqueEmail();
        requestChange(them.access(), newEmail);
        String token = Mailbox.token(Mailbox.await(newEmail, NEW_LINK));

        // Confirmed from a browser signed in to another account: that account is untouched, theirs changes.
        assertThat(api.send("POST", "/api/v1/auth/email-change/confirm", Map.of("token", token), me.access(), Map.of())
                .status()).isEqualTo(204);
        assertThat(api.get("/api/v1/me", me.access()).json().path("email").asString()).isEqualTo(mine);
        assertThat(api.get("/api/v1/me", them.access()).status()).isEqualTo(401);
    }
}
