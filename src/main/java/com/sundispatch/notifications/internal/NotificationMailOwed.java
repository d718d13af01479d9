package com.sundispatch.notifications.internal;

import java.time.Instant;

/**
 * A rendered notification mail still to be sent, published by {@link Notifier} in the transaction that stores
 * the inbox entry. It is a durable event of its own so that a mail server that is down delays only the mail:
 * the inbox entry and the push are already done, and {@link NotificationMails} retries the mail with backoff.
 * Holds no secret (mails with links are never sent this way); never log it (it holds an address). An attached
 * document is named by {@code attachmentId} and rendered when the mail is sent, so the registry holds no PDF.
 */
public record NotificationMailOwed(String eventId, String kind, String recipientId, String to, String subject,
        String text, String html, String messageId, Instant owedSince, String attachmentId) {

    @Override
    public String toString() {
        return "NotificationMailOwed[eventId=" + eventId + ", kind=" + kind + ", recipientId=" + recipientId + "]";
    }
}
