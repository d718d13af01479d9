package com.sundispatch.notifications.internal;

import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

import com.sundispatch.identity.EmailVerificationRequested;
import com.sundispatch.identity.InstallerRoleRevoked;
import com.sundispatch.identity.PasswordResetRequested;

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

    @Async("mailExecutor")
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
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
}
