package com.sundispatch.notifications.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One notification for one person, before it is put into words: its kind, the event it comes from (its id
 * makes every channel idempotent), the values its texts refer to by name ({@code {orderId}}), the facts a mail
 * lists (label key and value), the order lines of a confirmation, and the app link it points to. Words and
 * formats depend on the recipient's language and are chosen by {@link Notifier}. A {@code variant} picks
 * alternative texts ({@code ORDER_CANCELLED.refund.intro} before {@code ORDER_CANCELLED.intro}); {@code mailTo}
 * sends the mail to another address than the account's (the old address after an email change);
 * {@code attachmentId} names a billing document (invoice, credit note) the mail carries as a PDF.
 */
record Notice(NotificationKind kind, String variant, String eventId, String recipientId, Map<String, Object> values,
        List<Fact> facts, List<Line> lines, String link, String mailTo, String attachmentId) {

    /** A labelled value in a mail ("Total: 3,000.00 €"); the label is a text key. */
    record Fact(String labelKey, Object value) {
    }

    /** An order line in a confirmation. */
    record Line(String name, int quantity, Object unitPrice) {
    }

    Notice {
        values = Map.copyOf(values);
        facts = List.copyOf(facts);
        lines = List.copyOf(lines);
    }

    static Builder of(NotificationKind kind, String eventId, String recipientId) {
        return new Builder(kind, eventId, recipientId);
    }

    static final class Builder {
        private final NotificationKind kind;
        private final String eventId;
        private final String recipientId;
        private final Map<String, Object> values = new LinkedHashMap<>();
        private final List<Fact> facts = new ArrayList<>();
        private final List<Line> lines = new ArrayList<>();
        private String link = "/";
        private String variant;
        private String mailTo;
        private String attachmentId;

        private Builder(NotificationKind kind, String eventId, String recipientId) {
            this.kind = kind;
            this.eventId = eventId;
            this.recipientId = recipientId;
        }

        /** A value the texts refer to as {@code {name}}; null values are left out. */
        Builder value(String name, Object value) {
            if (value != null) {
                values.put(name, value);
            }
            return this;
        }

        /** A labelled fact listed in the mail; left out when the value is null. */
        Builder fact(String labelKey, Object value) {
            if (value != null) {
                facts.add(new Fact(labelKey, value));
            }
            return this;
        }

        Builder line(String name, int quantity, Object unitPrice) {
            lines.add(new Line(name, quantity, unitPrice));
            return this;
        }

        /** The app-relative link (starts with "/"); never a token in it. */
        Builder link(String link) {
            this.link = link;
            return this;
        }

        Builder variant(String variant) {
            this.variant = variant;
            return this;
        }

        Builder mailTo(String address) {
            this.mailTo = address;
            return this;
        }

        /** A billing document the mail carries as a PDF (rendered when the mail is sent); null for none. */
        Builder attach(String documentId) {
            this.attachmentId = documentId;
            return this;
        }

        Notice build() {
            return new Notice(kind, variant, eventId, recipientId, values, facts, lines, link, mailTo, attachmentId);
        }
    }
}
