package com.sundispatch.notifications.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Locale;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Sends notification mails, once each: a mail already handed to the server for this event, recipient and kind
 * is not sent again when the event is redelivered (and should the record be lost to a crash right after
 * sending, the copy carries the same Message-ID). A failure throws, so the registry retries with backoff.
 */
@Component
class NotificationMails {

    private final MailDelivery delivery;
    private final JdbcClient jdbc;
    private final Clock clock;

    NotificationMails(MailDelivery delivery, JdbcClient jdbc, Clock clock) {
        this.delivery = delivery;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(NotificationMailOwed mail) {
        if (alreadySent(mail.eventId(), mail.recipientId(), mail.kind())) {
            return;
        }
        deliver(new OutgoingMail(mail.to(), mail.subject(), mail.text(), mail.html(), mail.kind().toLowerCase(Locale.ROOT), mail.recipientId(), mail.messageId()), mail.eventId(), mail.kind());
    }

    /** Sends and records; the caller has checked {@link #alreadySent}. */
    void deliver(OutgoingMail mail, String eventId, String kind) {
        delivery.deliver(mail);
        try {
            jdbc.sql("insert into sent_notification_mails (event_id, recipient_id, kind, sent_at) values (?, ?, ?, ?)")
                    .params(eventId, mail.userId(), kind, Timestamp.from(clock.instant())).update();
        } catch (DuplicateKeyException e) {
            // Another delivery of the same event got there first; both mails carry the same Message-ID.
        }
    }

    boolean alreadySent(String eventId, String recipientId, String kind) {
        return jdbc.sql("select count(*) from sent_notification_mails where event_id = ? and recipient_id = ? "
                + "and kind = ?").params(eventId, recipientId, kind).query(Integer.class).single() > 0;
    }
}
