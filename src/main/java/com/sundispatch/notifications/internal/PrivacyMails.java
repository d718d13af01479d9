package com.sundispatch.notifications.internal;

import java.nio.charset.StandardCharsets;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import com.sundispatch.privacy.AccountDeletionScheduled;
import com.sundispatch.privacy.DataExportReady;
import com.sundispatch.security.DataCipher;

/**
 * The privacy mails that carry a link: the data export's download link and the undo link of a scheduled account
 * deletion. Like {@link IdentityMails}: sent after the commit by durable listeners, the token in the URL fragment
 * (browsers never send it to a server), unsealed only here.
 */
@Component
class PrivacyMails {

    private final Notifier notifier;
    private final DataCipher cipher;

    PrivacyMails(Notifier notifier, DataCipher cipher) {
        this.notifier = notifier;
        this.cipher = cipher;
    }

    @ApplicationModuleListener
    void on(DataExportReady event) {
        notifier.send(Notice.of(NotificationKind.DATA_EXPORT_READY, event.eventId(), event.userId())
                .value("expiresAt", event.expiresAt())
                .link("/data-export#token=" + unseal(event.userId(), event.sealedToken()) + "&id=" + event.exportId())
                .build());
    }

    @ApplicationModuleListener
    void on(AccountDeletionScheduled event) {
        notifier.send(Notice.of(NotificationKind.ACCOUNT_DELETION_SCHEDULED, event.eventId(), event.userId())
                .value("until", event.dueAt())
                .link("/keep-account#token=" + unseal(event.userId(), event.sealedUndoToken())).build());
    }

    private String unseal(String userId, String sealedToken) {
        return new String(cipher.decrypt(sealedToken, DataExportReady.sealContext(userId)), StandardCharsets.UTF_8);
    }
}
