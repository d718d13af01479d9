package com.sundispatch.notifications.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Sender and the development outbox ({@code sundispatch.mail.*}). The links' base,
 * {@code sundispatch.mail.public-base-url}, is the shared module's {@code PublicBaseUrl} (derived from the
 * server's port when unset).
 */
@ConfigurationProperties("sundispatch.mail")
public record MailSettings(
        @DefaultValue("SunDispatch <no-reply@sundispatch.example>") String from,
        @DefaultValue("./data/outbox") String outboxDir) {
}
