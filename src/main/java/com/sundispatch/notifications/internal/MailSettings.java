package com.sundispatch.notifications.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Sender, link base and the development outbox ({@code sundispatch.mail.*}). */
@ConfigurationProperties("sundispatch.mail")
public record MailSettings(
        @DefaultValue("SunDispatch <no-reply@sundispatch.example>") String from,
        @DefaultValue("http://localhost:8080") String publicBaseUrl,
        @DefaultValue("./data/outbox") String outboxDir) {

    public MailSettings {
        while (publicBaseUrl.endsWith("/")) {
            publicBaseUrl = publicBaseUrl.substring(0, publicBaseUrl.length() - 1);
        }
    }
}
