package com.sundispatch.notifications.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import com.sundispatch.identity.Accounts;
import com.sundispatch.security.SharedState;
import com.sundispatch.shared.PublicBaseUrl;

/**
 * Puts a {@link Notice} into words in the recipient's language and delivers it on every channel they allow:
 * the in-app inbox, a mail (HTML and text) and push. Every channel is idempotent per event, so the event
 * publication registry can redeliver after a failure or a restart without anyone hearing twice: the inbox has
 * one entry per (event, recipient, kind), a sent mail is recorded, and mails carry a Message-ID derived from
 * the event. Runs inside the durable listener's transaction: the inbox entry and the mail still owed
 * ({@link NotificationMailOwed}, a durable event of its own) commit together, so a mail server that is down
 * delays only the mail, never the inbox.
 */
@Component
class Notifier {

    private static final Logger log = LoggerFactory.getLogger(Notifier.class);

    private final Accounts accounts;
    private final Texts texts;
    private final MailComposer composer;
    private final MailDelivery delivery;
    private final PublicBaseUrl baseUrl;
    private final Inbox inbox;
    private final Preferences preferences;
    private final PushDispatch push;
    private final SharedState counters;
    private final NotificationProperties properties;
    private final NotificationMails mails;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Notifier(Accounts accounts, Texts texts, MailComposer composer, MailDelivery delivery, PublicBaseUrl baseUrl,
            Inbox inbox, Preferences preferences, PushDispatch push, SharedState counters,
            NotificationProperties properties, NotificationMails mails, ApplicationEventPublisher events,
            Clock clock) {
        this.accounts = accounts;
        this.texts = texts;
        this.composer = composer;
        this.delivery = delivery;
        this.baseUrl = baseUrl;
        this.inbox = inbox;
        this.preferences = preferences;
        this.push = push;
        this.counters = counters;
        this.properties = properties;
        this.mails = mails;
        this.events = events;
        this.clock = clock;
    }

    void send(Notice notice) {
        Optional<Accounts.Contact> found = accounts.contact(notice.recipientId());
        if (found.isEmpty()) {
            log.info("{} notification for unknown account {} skipped", notice.kind(), notice.recipientId());
            return;
        }
        Accounts.Contact contact = found.get();
        Locale locale = Texts.locale(contact.language());
        Map<String, Object> values = new HashMap<>(notice.values());
        values.put("name", contact.fullName());
        values.put("baseUrl", baseUrl.get());
        String title = text(notice, locale, "subject", values);
        String summary = text(notice, locale, "summary", values);
        NotificationCategory category = notice.kind().category();

        if (notice.kind().mailOnly()) {
            // Account links: capped per mailbox by identity already, and never repeated for a redelivery.
            if (!alreadyMailed(notice)) {
                mail(notice, contact, locale, values, title);
            }
            return;
        }
        if (preferences.allows(contact.userId(), category, NotificationChannel.IN_APP)) {
            inbox.add(contact.userId(), notice.eventId(), notice.kind(), title, summary, notice.link(),
                    clock.instant());
        }
        // Security notices and money mails always go out, uncapped: a cap or a switch an attacker could fill or
        // flip would silence exactly the mail that tells the owner; HIGH alerts have their own cap per admin.
        boolean mandatory = category.locked(NotificationChannel.EMAIL) || notice.kind().alwaysMailed();
        boolean mail = (mandatory || preferences.allows(contact.userId(), category, NotificationChannel.EMAIL))
                && !alreadyMailed(notice);
        boolean pushing = preferences.allows(contact.userId(), category, NotificationChannel.PUSH)
                && push.available();
        if ((pushing || (mail && !mandatory)) && !underCap(contact.userId(), category)) {
            log.warn("{} notification for user {} not {}: cap of {} per hour for {} reached (it is in the inbox)",
                    notice.kind(), contact.userId(), mandatory ? "pushed" : "mailed or pushed",
                    properties.capFor(category), category);
            pushing = false;
            mail = mail && mandatory;
        }
        if (pushing) {
            PushSender.Discreet discreet = category == NotificationCategory.SECURITY ? new PushSender.Discreet(
                    texts.text(locale, "push.discreet.title"), texts.text(locale, "push.discreet.body")) : null;
            pushQuietly(notice, contact.userId(), title, summary, discreet);
        }
        if (mail) {
            mail(notice, contact, locale, values, title);
        }
    }

    /**
     * Mails with a link (mail-only kinds) are sent here and now: their event is sealed, the rendered mail is
     * not, so it must not wait in the registry. Every other mail becomes a durable event of its own.
     */
    private void mail(Notice notice, Accounts.Contact contact, Locale locale, Map<String, Object> values,
            String title) {
        MailComposer.Rendered rendered = composer.render(content(notice, locale, values, title));
        String to = notice.mailTo() != null ? notice.mailTo() : contact.email();
        if (notice.kind().mailOnly()) {
            mails.deliver(new OutgoingMail(to, rendered.subject(), rendered.text(), rendered.html(),
                    notice.kind().name().toLowerCase(Locale.ROOT), contact.userId(), messageId(notice), null),
                    notice.eventId(), notice.kind().name());
        } else {
            events.publishEvent(new NotificationMailOwed(notice.eventId(), notice.kind().name(), contact.userId(), to,
                    rendered.subject(), rendered.text(), rendered.html(), messageId(notice), clock.instant(),
                    notice.attachmentId()));
        }
    }

    private MailComposer.Content content(Notice notice, Locale locale, Map<String, Object> values, String title) {
        List<String> paragraphs = new ArrayList<>(paragraphs(text(notice, locale, "intro", values)));
        if (has(notice, locale, "outro")) {
            paragraphs.addAll(paragraphs(text(notice, locale, "outro", values)));
        }
        List<MailComposer.Row> facts = notice.facts().stream()
                .map(f -> new MailComposer.Row(texts.text(locale, f.labelKey()), texts.format(locale, f.value())))
                .toList();
        List<MailComposer.ItemRow> items = notice.lines().stream()
                .map(l -> new MailComposer.ItemRow(l.name(), l.quantity(), texts.format(locale, l.unitPrice())))
                .toList();
        String actionLabel = has(notice, locale, "action") ? text(notice, locale, "action", values)
                : texts.text(locale, "mail.action.open");
        boolean security = notice.kind().securityNotice();
        return new MailComposer.Content(locale, title, texts.text(locale, "mail.greeting", values), paragraphs,
                facts, items, actionLabel, baseUrl.get() + notice.link(),
                texts.text(locale, "mail.action.fallback"),
                security ? texts.text(locale, "mail.notYou") : null,
                security ? baseUrl.get() + "/#/forgot" : null,
                texts.text(locale, security ? "mail.footer.security" : "mail.footer"),
                texts.text(locale, "mail.preferences"),
                notice.kind().mailOnly() ? null : baseUrl.get() + "/#/settings/notifications");
    }

    /** The variant's text where it has one ({@code KIND.variant.part}), else the kind's ({@code KIND.part}). */
    private String text(Notice notice, Locale locale, String part, Map<String, Object> values) {
        String variantKey = notice.kind().name() + "." + notice.variant() + "." + part;
        return texts.text(locale, notice.variant() != null && texts.has(locale, variantKey) ? variantKey
                : notice.kind().name() + "." + part, values);
    }

    private boolean has(Notice notice, Locale locale, String part) {
        return (notice.variant() != null && texts.has(locale, notice.kind().name() + "." + notice.variant() + "."
                + part)) || texts.has(locale, notice.kind().name() + "." + part);
    }

    private static List<String> paragraphs(String text) {
        return List.of(text.split("\n\n"));
    }

    private void pushQuietly(Notice notice, String userId, String title, String summary,
            PushSender.Discreet discreet) {
        push.afterCommit(userId, new PushSender.PushMessage(notice.eventId(), title, summary, notice.link(),
                notice.kind().name().toLowerCase(Locale.ROOT), discreet));
    }

    private boolean underCap(String userId, NotificationCategory category) {
        long hour = clock.millis() / Duration.ofHours(1).toMillis();
        try {
            return counters.increment("notify:" + userId + ":" + category + ":" + hour, Duration.ofHours(2))
                    <= properties.capFor(category);
        } catch (SharedState.UnavailableException e) {
            // One mail too many beats a missed one.
            return true;
        }
    }

    private static String messageId(Notice notice) {
        return notice.eventId() + "." + notice.kind().name().toLowerCase(Locale.ROOT) + "." + notice.recipientId()
                + "@sundispatch";
    }

    private boolean alreadyMailed(Notice notice) {
        return mails.alreadySent(notice.eventId(), notice.recipientId(), notice.kind().name());
    }
}
