package com.sundispatch.notifications.internal;

import java.nio.charset.StandardCharsets;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import com.sundispatch.identity.EmailVerificationRequested;
import com.sundispatch.security.DataCipher;
import com.sundispatch.identity.MfaResetByAdmin;
import com.sundispatch.identity.InstallerRoleRevoked;
import com.sundispatch.identity.PasswordResetRequested;
import com.sundispatch.identity.Role;
import com.sundispatch.identity.RoleChanged;
import com.sundispatch.identity.RegistrationAttemptedForExistingAccount;

/**
 * Mails about the account itself. Sent after the transaction that created the link has committed, and off
 * the request thread, so a slow mail server neither delays the answer nor reveals (by timing) whether an
 * account exists. Links carry the token in the URL fragment, which browsers never send to a server.
 */
@Component
class IdentityMails {

    private final MailDelivery delivery;
    private final MailSettings settings;

    private final DataCipher cipher;

    IdentityMails(MailDelivery delivery, MailSettings settings, DataCipher cipher) {
        this.cipher = cipher;
        this.delivery = delivery;
        this.settings = settings;
    }

    @ApplicationModuleListener
    void on(EmailVerificationRequested event) {
        String link = settings.publicBaseUrl() + "/verify-email#token=" + unseal(event.userId(), event.sealedToken());
        delivery.deliver(new OutgoingMail(event.email(), "Confirm your email for SunDispatch", """
                Hello %s,

                please confirm your email address by opening this link within 24 hours:

                %s

                If you did not create a SunDispatch account, ignore this mail.
                """.formatted(event.fullName(), link), "email-verification", event.userId()));
    }

    @ApplicationModuleListener
    void on(PasswordResetRequested event) {
        String link = settings.publicBaseUrl() + "/reset-password#token=" + unseal(event.userId(), event.sealedToken());
        delivery.deliver(new OutgoingMail(event.email(), "Reset your SunDispatch password", """
                Hello %s,

                someone asked to reset the password of your SunDispatch account. To choose a new password,
                open this link within 30 minutes (it works once):

                %s

                If this was not you, ignore this mail: your password stays as it is.
                """.formatted(event.fullName(), link), "password-reset", event.userId()));
    }

    @ApplicationModuleListener
    void on(MfaResetByAdmin event) {
        delivery.deliver(new OutgoingMail(event.email(), "Your SunDispatch two-factor sign-in was reset", """
                Hello %s,

                your two-factor sign-in was reset by an administrator: your authenticator app and your recovery
                codes no longer work, and you were signed out everywhere. Sign in with your password and set up
                two-factor sign-in again.

                If you did not ask for this, contact support and reset your password at once
                ("Forgot password?" on the sign-in page at %s).
                """.formatted(event.fullName(), settings.publicBaseUrl()), "mfa-reset", event.userId()));
    }

    @ApplicationModuleListener
    void on(RoleChanged event) {
        String what = event.to() == Role.ADMIN
                ? "you are now an administrator of SunDispatch. Before anything else you will be asked to set up "
                        + "two-factor sign-in."
                : "you are no longer an administrator of SunDispatch; your account is a " + label(event.to())
                        + " account again.";
        String subject = event.to() == Role.ADMIN ? "You are now a SunDispatch administrator"
                : "You are no longer a SunDispatch administrator";
        delivery.deliver(new OutgoingMail(event.email(), subject, """
                Hello %s,

                an administrator changed your role: %s

                You were signed out everywhere; sign in again to continue.
                If this surprises you, contact support.
                """.formatted(event.fullName(), what), "role-changed", event.userId()));
    }

    private static String label(Role role) {
        return switch (role) {
            case CUSTOMER -> "customer";
            case INSTALLER -> "installer";
            case ADMIN -> "administrator";
        };
    }

    /** No token in this one: whoever tried to register must not get a way into the account. */
    @ApplicationModuleListener
    void on(RegistrationAttemptedForExistingAccount event) {
        String signIn = settings.publicBaseUrl() + "/#/login";
        String reset = settings.publicBaseUrl() + "/#/forgot";
        delivery.deliver(new OutgoingMail(event.email(), "Someone tried to register with your SunDispatch address", """
                Hello %s,

                someone tried to create a SunDispatch account with this email address. You already have an
                account, so nothing was changed.

                If it was you: sign in at %s
                If you forgot your password, reset it at %s

                If it was not you, you need not do anything: your account and password stay as they are.
                """.formatted(event.fullName(), signIn, reset), "registration-attempt", event.userId()));
    }

    @ApplicationModuleListener
    void on(InstallerRoleRevoked event) {
        delivery.deliver(new OutgoingMail(event.email(), "Your SunDispatch installer approval was withdrawn", """
                Hello %s,

                an administrator has withdrawn your approval as an installer on SunDispatch. You will receive no
                more job offers; your open offers were withdrawn and jobs you had not started yet were passed on to
                other installers. You can still use your account as a customer.

                To work as an installer again, send a new application from the Installer page. If you think this
                is a mistake, reply to this mail.
                """.formatted(event.fullName()), "installer-revoked", event.userId()));
    }

    private String unseal(String userId, String sealedToken) {
        return new String(cipher.decrypt(sealedToken, EmailVerificationRequested.sealContext(userId)),
                StandardCharsets.UTF_8);
    }
}
