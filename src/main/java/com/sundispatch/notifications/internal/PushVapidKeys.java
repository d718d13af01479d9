package com.sundispatch.notifications.internal;

import java.security.KeyPair;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

/**
 * This server's VAPID identity (RFC 8292): the key pair that signs every push request and the contact subject.
 * Browsers bind a subscription to the public key, so changing it silently orphans every subscription.
 */
@Component
public final class PushVapidKeys {

    /** The usable identity: the browser-facing public key and what signs the tokens. */
    record Identity(String publicKey, ECPublicKey ecPublicKey, ECPrivateKey privateKey, String subject) {
        @Override
        public String toString() {
            return "Identity[publicKey=" + publicKey + ", subject=" + subject + "]";
        }
    }

    private static final Logger log = LoggerFactory.getLogger(PushVapidKeys.class);
    private static final Pattern MAIL_ADDRESS = Pattern.compile("<?([^<>\\s]+@[^<>\\s]+)>?\\s*$");

    private final Identity identity;

    PushVapidKeys(PushProperties properties, MailSettings mail, Environment environment) {
        this.identity = load(properties, subject(properties.subject(), mail.from()),
                environment.acceptsProfiles(Profiles.of("prod")));
    }

    /** The public key for {@code PushManager.subscribe}, or empty when push is off. */
    public Optional<String> publicKey() {
        return identity().map(Identity::publicKey);
    }

    Optional<Identity> identity() {
        return Optional.ofNullable(identity);
    }

    private static Identity load(PushProperties properties, String subject, boolean prod) {
        boolean hasPublic = !properties.vapidPublicKey().isBlank();
        boolean hasPrivate = !properties.vapidPrivateKey().isBlank();
        if (hasPublic != hasPrivate) {
            throw new IllegalStateException("Refusing to start: set both sundispatch.push.vapid-public-key and "
                    + "sundispatch.push.vapid-private-key, or neither");
        }
        if (!hasPublic) {
            if (prod) {
                log.info("Web Push is off: no VAPID keys configured (sundispatch.push.vapid-public-key/-private-key)");
                return null;
            }
            KeyPair pair = WebPushCrypto.generateKeyPair();
            log.warn("Web Push uses a VAPID key pair made up at start, because none is configured: every push "
                    + "subscription stops working when this instance restarts. Configure "
                    + "sundispatch.push.vapid-public-key and sundispatch.push.vapid-private-key to keep them.");
            ECPublicKey publicKey = (ECPublicKey) pair.getPublic();
            return new Identity(WebPushCrypto.base64Url(WebPushCrypto.rawPublicKey(publicKey)), publicKey,
                    (ECPrivateKey) pair.getPrivate(), subject);
        }
        ECPublicKey publicKey;
        ECPrivateKey privateKey;
        try {
            publicKey = WebPushCrypto.publicKey(WebPushCrypto.decodeBase64Url(properties.vapidPublicKey()));
            privateKey = WebPushCrypto.privateKey(WebPushCrypto.decodeBase64Url(properties.vapidPrivateKey()));
        } catch (IllegalArgumentException e) {
            // The message names the rule only; the key material is never logged.
            throw new IllegalStateException("Refusing to start: the VAPID keys are not raw base64url P-256 keys ("
                    + e.getMessage() + ")", null);
        }
        if (!WebPushCrypto.matches(privateKey, publicKey)) {
            throw new IllegalStateException("Refusing to start: the VAPID private key does not belong to the "
                    + "public key");
        }
        return new Identity(WebPushCrypto.base64Url(WebPushCrypto.rawPublicKey(publicKey)), publicKey, privateKey,
                subject);
    }

    static String subject(String configured, String mailFrom) {
        if (!configured.isBlank()) {
            String s = configured.trim();
            if (!s.regionMatches(true, 0, "mailto:", 0, 7) && !s.regionMatches(true, 0, "https://", 0, 8)) {
                throw new IllegalStateException("Refusing to start: sundispatch.push.subject must be a mailto: or "
                        + "https: URI");
            }
            return s;
        }
        Matcher m = MAIL_ADDRESS.matcher(mailFrom == null ? "" : mailFrom.trim());
        return m.find() ? "mailto:" + m.group(1) : "mailto:no-reply@sundispatch.example";
    }
}
