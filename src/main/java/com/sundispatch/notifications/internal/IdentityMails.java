package com.sundispatch.notifications.internal;

import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

import com.sundispatch.identity.EmailVerificationRequested;
import com.sundispatch.identity.PasswordResetRequested;
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

    IdentityMails(MailDelivery delivery, MailSettings settings) {
        this.delivery = delivery;
        this.settings = settings;
    }

    @Async("mailExecutor")
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(EmailVerificationRequested event) {
        String link = settings.publicBaseUrl() + "/verify-email#token=" + event.token();
        delivery.deliver(new OutgoingMail(event.email(), "Confirm your email for SunDispatch", """
                Hello %s,

                please confirm your email address by opening this link within 24 hours:

                %s

                If you did not create a SunDispatch account, ignore this mail.
                """.formatted(event.fullName(), link), "email-verification", event.userId()));
    }

    @Async("mailExecutor")
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(PasswordResetRequested event) {
        String link = settings.publicBaseUrl() + "/reset-password#token=" + event.token();
        delivery.deliver(new OutgoingMail(event.email(), "Reset your SunDispatch password", """
                Hello %s,

                someone asked to reset the password of your SunDispatch account. To choose a new password,
                open this link within 30 minutes (it works once):

                %s

                If this was not you, ignore this mail: your password stays as it is.
                """.formatted(event.fullName(), link), "password-reset", event.userId()));
    }

    /** No token in this one: whoever tried to register must not get a way into the account. */
    @Async("mailExecutor")
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
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
}
