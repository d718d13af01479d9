package com.sundispatch.notifications.internal;

import java.time.Duration;
import java.util.List;

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
 * @param serviceHosts the push services subscriptions may point at (a leading "*." matches any subdomain): the
 *        browsers' own services (Google, Mozilla, Microsoft, Apple). Anything else is refused, so nobody can make
 *        the server post to (and wait on) a host of their choosing
 */
@ConfigurationProperties("sundispatch.push")
public record PushProperties(
        @DefaultValue("") String vapidPublicKey,
        @DefaultValue("") String vapidPrivateKey,
        @DefaultValue("") String subject,
        @DefaultValue("PT24H") Duration ttl,
        @DefaultValue({ "fcm.googleapis.com", "*.push.services.mozilla.com", "*.notify.windows.com",
                "web.push.apple.com", "*.push.apple.com" }) List<String> serviceHosts) {

    public PushProperties {
        serviceHosts = List.copyOf(serviceHosts);
    }

    /** Host names are compared in ASCII (an internationalised one arrives in its xn-- form or not at all). */
    static String asciiLower(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            out.append(c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c);
        }
        return out.toString();
    }

    /** Whether the host (ASCII lower case) is one of the allowed push services. */
    boolean allowsServiceHost(String host) {
        for (String allowed : serviceHosts) {
            String a = asciiLower(allowed);
            if (a.startsWith("*.") ? host.endsWith(a.substring(1)) : host.equals(a)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return "PushProperties[vapidPublicKey=" + vapidPublicKey + ", subject=" + subject + ", ttl=" + ttl + "]";
    }
}
