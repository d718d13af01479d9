package com.sundispatch.notifications.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;

import jakarta.mail.SendFailedException;
import jakarta.mail.internet.AddressException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailSendException;
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

    private static final Logger log = LoggerFactory.getLogger(NotificationMails.class);

    private final MailDelivery delivery;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration giveUpAfter;

    NotificationMails(MailDelivery delivery, JdbcClient jdbc, Clock clock,
            @Value("${sundispatch.events.mail-give-up-after:P3D}") Duration giveUpAfter) {
        this.giveUpAfter = giveUpAfter;
        this.delivery = delivery;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Retried until it goes out, except when the mail can never go out (the server refused the address) or it
     * has been owed longer than {@code sundispatch.events.mail-give-up-after} (3 days: a notice that late no
     * longer helps, and a mail that fails for ever must not clog the redelivery queue). Both are logged as errors.
     */
    @ApplicationModuleListener
    void on(NotificationMailOwed mail) {
        if (alreadySent(mail.eventId(), mail.recipientId(), mail.kind())) {
            return;
        }
        try {
            deliver(new OutgoingMail(mail.to(), mail.subject(), mail.text(), mail.html(),
                    mail.kind().toLowerCase(Locale.ROOT), mail.recipientId(), mail.messageId(), mail.attachmentId()),
                    mail.eventId(), mail.kind());
        } catch (MailDelivery.MailNotSent e) {
            boolean permanent = permanent(e.getCause());
            boolean tooLate = mail.owedSince() != null
                    && mail.owedSince().plus(giveUpAfter).isBefore(clock.instant());
            if (!permanent && !tooLate) {
                throw e;
            }
            log.error("{} mail for user {} given up ({}): {}", mail.kind(), mail.recipientId(),
                    permanent ? "refused" : "owed since " + mail.owedSince(), e.getCause().getClass().getSimpleName());
        }
    }

    /** The server refused the recipient for good (a 5xx for the address), or the address cannot be a mail's. */
    static boolean permanent(Throwable cause) {
        if (cause instanceof AddressException || cause instanceof MailParseException) {
            return true;
        }
        if (cause instanceof MailSendException send) {
            for (Exception each : send.getMessageExceptions()) {
                if (permanent(each)) {
                    return true;
                }
            }
        }
        return cause instanceof SendFailedException failed && failed.getInvalidAddresses() != null
                && failed.getInvalidAddresses().length > 0;
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
