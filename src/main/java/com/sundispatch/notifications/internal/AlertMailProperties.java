package com.sundispatch.notifications.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * At most {@code perAdminPerHour} HIGH-alert mails reach each admin per hour
 * ({@code sundispatch.notifications.alert-mails.per-admin-per-hour}); the rest are dropped with a log line and
 * stay in the admin console, so a flood of alerts does not flood the mailboxes.
 */
@ConfigurationProperties("sundispatch.notifications.alert-mails")
public record AlertMailProperties(@DefaultValue("true") boolean enabled, @DefaultValue("5") int perAdminPerHour) {
}
