package com.sundispatch.notifications.internal;

/**
 * A rendered notification mail still to be sent, published by {@link Notifier} in the transaction that stores
 * the inbox entry. It is a durable event of its own so that a mail server that is down delays only the mail:
 * the inbox entry and the push are already done, and {@link NotificationMails} retries the mail with backoff.
 * Holds no secret (mails with links are never sent this way); never log it (it holds an address).
 */
public record NotificationMailOwed(String eventId, String kind, String recipientId, String to, String subject,
        String text, String html, String messageId) {

    @Override
    public String toString() {
        return "NotificationMailOwed[eventId=" + eventId + ", kind=" + kind + ", recipientId=" + recipientId + "]";
    }
}
