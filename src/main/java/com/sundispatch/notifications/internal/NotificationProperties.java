package com.sundispatch.notifications.internal;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code sundispatch.notifications.*}: the time zone mails show times in (the service runs in Germany,
 * Austria and Switzerland), and per-recipient caps: at most {@code mailsPerCategoryPerHour} mails and pushes of
 * one category per person and hour, with per-category overrides, so an event storm cannot flood a mailbox.
 * Past the cap the notification still lands in the in-app inbox. Read inbox entries are deleted after
 * {@code retention}, unread ones after twice that.
 */
@ConfigurationProperties("sundispatch.notifications")
public record NotificationProperties(@DefaultValue("Europe/Berlin") ZoneId timeZone,
        @DefaultValue("20") int mailsPerCategoryPerHour, Map<NotificationCategory, Integer> categoryCaps,
        @DefaultValue("P365D") Duration retention) {

    public NotificationProperties {
        categoryCaps = categoryCaps == null ? Map.of() : Map.copyOf(categoryCaps);
    }

    int capFor(NotificationCategory category) {
        return categoryCaps.getOrDefault(category, mailsPerCategoryPerHour);
    }
}
