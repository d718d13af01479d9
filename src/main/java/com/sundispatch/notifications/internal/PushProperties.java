package com.sundispatch.notifications.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Web Push ({@code sundispatch.push.*}). The VAPID key pair is P-256 in the raw base64url forms browsers use:
 * the public key as the 65-byte uncompressed point, the private key as the 32-byte scalar. Without keys a
 * development instance makes a throw-away pair at start; the prod profile turns push off instead.
 *
 * @param subject the contact push services may use about this sender ({@code mailto:} or {@code https:});
 *        empty means {@code mailto:} the mail sender address
 * @param ttl how long a push service keeps a message for a device that is offline
 */
@ConfigurationProperties("sundispatch.push")
public record PushProperties(
        @DefaultValue("") String vapidPublicKey,
        @DefaultValue("") String vapidPrivateKey,
        @DefaultValue("") String subject,
        @DefaultValue("PT24H") Duration ttl) {

    @Override
    public String toString() {
        return "PushProperties[vapidPublicKey=" + vapidPublicKey + ", subject=" + subject + ", ttl=" + ttl + "]";
    }
}
