package com.sundispatch.notifications.internal;

/**
 * A mail to one recipient: plain text and, for notifications, an HTML alternative. {@code messageId} (without
 * angle brackets) is derived from the event, so a mail sent again after a crash carries the same Message-ID and
 * mail clients can drop the copy; null lets the mail library choose one. The body may hold a secret link:
 * never log it.
 */
record OutgoingMail(String to, String subject, String text, String html, String purpose, String userId,
        String messageId, String attachmentId) {

    @Override
    public String toString() {
        return "OutgoingMail[purpose=" + purpose + ", userId=" + userId + "]";
    }
}
