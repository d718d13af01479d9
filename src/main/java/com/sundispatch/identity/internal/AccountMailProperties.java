package com.sundispatch.identity.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How many account mails (verification, resend, password reset, "someone tried to register") one recipient
 * may get per hour, whoever asks and from wherever ({@code sundispatch.mail.per-recipient-per-hour}).
 */
@ConfigurationProperties("sundispatch.mail")
public record AccountMailProperties(@DefaultValue("5") int perRecipientPerHour) {

    public AccountMailProperties {
        if (perRecipientPerHour < 1) {
            throw new IllegalArgumentException("sundispatch.mail.per-recipient-per-hour must be at least 1");
        }
    }
}
