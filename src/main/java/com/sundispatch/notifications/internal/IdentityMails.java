package com.sundispatch.notifications.internal;

import java.nio.charset.StandardCharsets;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import com.sundispatch.identity.AccountSecured;
import com.sundispatch.identity.EmailChangeAttemptedForExistingAccount;
import com.sundispatch.identity.EmailChangeRequested;
import com.sundispatch.identity.EmailChanged;
import com.sundispatch.identity.EmailVerificationRequested;
import com.sundispatch.identity.PasswordResetRequested;
import com.sundispatch.identity.RegistrationAttemptedForExistingAccount;
import com.sundispatch.security.DataCipher;

/**
 * Mails about the account itself that carry a link: sent after the transaction that created the link has
 * committed, off the request thread, so a slow mail server neither delays the answer nor reveals (by timing)
 * whether an account exists. Links carry the token in the URL fragment, which browsers never send to a server;
 * the token waits in the event publication registry sealed and is unsealed only here.
 */
@Component
class IdentityMails {

    private final Notifier notifier;
    private final DataCipher cipher;

    IdentityMails(Notifier notifier, DataCipher cipher) {
        this.notifier = notifier;
        this.cipher = cipher;
    }

    @ApplicationModuleListener
    void on(EmailVerificationRequested event) {
        notifier.send(Notice.of(NotificationKind.EMAIL_VERIFICATION, event.eventId(), event.userId())
                .mailTo(event.email())
                .link("/verify-email#token=" + unseal(event.userId(), event.sealedToken())).build());
    }

    @ApplicationModuleListener
    void on(PasswordResetRequested event) {
        notifier.send(Notice.of(NotificationKind.PASSWORD_RESET, event.eventId(), event.userId())
                .mailTo(event.email())
                .link("/reset-password#token=" + unseal(event.userId(), event.sealedToken())).build());
    }

    /** No token in this one: whoever tried to register must not get a way into the account. */
    @ApplicationModuleListener
    void on(RegistrationAttemptedForExistingAccount event) {
        notifier.send(Notice.of(NotificationKind.REGISTRATION_ATTEMPT, event.eventId(), event.userId())
                .mailTo(event.email()).value("forgot", "/#/forgot").link("/#/login").build());
    }

    /** To the new address: the account's own address changes only once this link is opened there. */
    @ApplicationModuleListener
    void on(EmailChangeRequested event) {
        notifier.send(Notice.of(NotificationKind.EMAIL_CHANGE_VERIFICATION, event.eventId(), event.userId())
                .mailTo(event.newEmail())
                .link("/confirm-email-change#token=" + unseal(event.userId(), event.sealedToken())).build());
    }

    /**
     * To the previous address, with the undo link: whoever took the account over does not read that one. Mail
     * only (the link must not wait in an inbox the new address's holder can read).
     */
    @ApplicationModuleListener
    void on(EmailChanged event) {
        notifier.send(Notice.of(NotificationKind.EMAIL_CHANGE_UNDO, event.eventId(), event.userId())
                .mailTo(event.oldEmail()).value("when", event.changedAt())
                .value("newEmail", SecurityNotices.masked(event.newEmail())).value("until", event.undoUntil())
                .link("/undo-email-change#token=" + unseal(event.userId(), event.sealedUndoToken())).build());
    }

    /** No token, and nothing about the account that asked: only that this address was not given away. */
    @ApplicationModuleListener
    void on(EmailChangeAttemptedForExistingAccount event) {
        notifier.send(Notice.of(NotificationKind.EMAIL_CHANGE_ATTEMPT, event.eventId(), event.userId())
                .mailTo(event.email()).link("/#/account").build());
    }

    @ApplicationModuleListener
    void on(AccountSecured event) {
        notifier.send(Notice.of(NotificationKind.ACCOUNT_SECURED, event.eventId(), event.userId())
                .mailTo(event.email())
                .link("/reset-password#token=" + unseal(event.userId(), event.sealedToken())).build());
    }

    private String unseal(String userId, String sealedToken) {
        return new String(cipher.decrypt(sealedToken, EmailVerificationRequested.sealContext(userId)),
                StandardCharsets.UTF_8);
    }
}
