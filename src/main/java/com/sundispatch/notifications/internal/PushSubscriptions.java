package com.sundispatch.notifications.internal;

import jakarta.annotation.Nullable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.sundispatch.security.DataCipher;
import com.sundispatch.security.OutboundHttp;
import com.sundispatch.security.UnsafeUrlException;
import com.sundispatch.shared.ApiException;

/**
 * A user's push subscriptions: registered from the browser's {@code PushSubscription.toJSON()}, listed without
 * their keys, removed, and tried with a test push. The endpoint must be a URL the guarded outbound client
 * would call (public https), checked here so a bad one is refused at once rather than at the first push.
 */
@Service
public class PushSubscriptions {

    /** What the owner sees of a subscription: never the endpoint path (a capability) nor the keys. */
    @Schema(name = "PushSubscription")
    public record View(String id, String pushService, String userAgent, Instant createdAt,
            @Nullable Instant lastSuccessAt) {
    }

    /** {@code created} is false when the same endpoint was registered before (the same id comes back). */
    public record Registered(String id, Instant createdAt, boolean created) {
    }

    public static final int MAX_PER_USER = 10;
    static final String TEST_TITLE = "SunDispatch";
    static final String TEST_BODY = "SunDispatch notifications work on this device";

    private static final Logger log = LoggerFactory.getLogger(PushSubscriptions.class);

    private final PushSubscriptionRepository subscriptions;
    private final PushVapidKeys keys;
    private final WebPushSender sender;
    private final OutboundHttp http;
    private final DataCipher cipher;
    private final Clock clock;
    private final TransactionTemplate transactions;
    private final PushProperties properties;

    PushSubscriptions(PushSubscriptionRepository subscriptions, PushVapidKeys keys, WebPushSender sender,
            OutboundHttp http, DataCipher cipher, Clock clock, PlatformTransactionManager transactionManager,
            PushProperties properties) {
        this.properties = properties;
        this.subscriptions = subscriptions;
        this.keys = keys;
        this.sender = sender;
        this.http = http;
        this.cipher = cipher;
        this.clock = clock;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    public static ApiException notConfigured() {
        return new ApiException(HttpStatus.NOT_FOUND, "push_not_configured",
                "Push notifications are not available on this server.");
    }

    public Registered register(String userId, String endpoint, String p256dh, String auth, String userAgentHeader) {
        if (keys.identity().isEmpty()) {
            throw notConfigured();
        }
        String publicKey = validPublicKey(p256dh);
        byte[] authSecret = validAuthSecret(auth);
        String url = endpoint == null ? "" : endpoint.trim();
        String host = PushProperties.asciiLower(WebPushSender.host(url));
        if (!properties.allowsServiceHost(host)) {
            log.info("Push endpoint refused for user {}: host {} is not a known push service", userId, host);
            throw ApiException.badRequest("unsupported_push_service",
                    "This browser's push service is not supported.");
        }
        try {
            http.check(url);
        } catch (UnsafeUrlException e) {
            // One answer for the client (no DNS oracle); the broken rule is for the log, with the host only.
            log.info("Push endpoint refused for user {}: host {} broke rule {}", userId, WebPushSender.host(url),
                    e.rule());
            throw e;
        }
        String family = userAgentFamily(userAgentHeader);
        try {
            return transactions.execute(s -> store(userId, url, publicKey, authSecret, family));
        } catch (DataIntegrityViolationException e) {
            // The same browser registered twice at once: the other request inserted the row; this one now
            // finds it.
            return transactions.execute(s -> store(userId, url, publicKey, authSecret, family));
        }
    }

    private Registered store(String userId, String url, String publicKey, byte[] authSecret, String family) {
        String hash = sha256(url);
        PushSubscription existing = subscriptions.findByEndpointHash(hash).orElse(null);
        if (existing != null && existing.userId().equals(userId)) {
            existing.renew(publicKey, cipher.encrypt(authSecret, WebPushSender.context(existing.id())), family);
            return new Registered(existing.id(), existing.createdAt(), false);
        }
        if (existing != null) {
            // The browser now belongs to another account (someone else signed in on it): it must stop showing
            // the previous account's notifications.
            subscriptions.delete(existing);
            subscriptions.flush();
        }
        if (subscriptions.countByUserId(userId) >= MAX_PER_USER) {
            throw ApiException.conflict("too_many_push_subscriptions", "At most " + MAX_PER_USER
                    + " devices can receive push notifications. Remove one first.");
        }
        String id = UUID.randomUUID().toString();
        PushSubscription created = subscriptions.saveAndFlush(new PushSubscription(id, userId, url, hash, publicKey,
                cipher.encrypt(authSecret, WebPushSender.context(id)), family, clock.instant()));
        return new Registered(created.id(), created.createdAt(), true);
    }

    public List<View> list(String userId) {
        return subscriptions.findByUserIdOrderByCreatedAtAsc(userId).stream()
                .map(s -> new View(s.id(), WebPushSender.host(s.endpoint()), s.userAgent(), s.createdAt(),
                        s.lastSuccessAt()))
                .toList();
    }

    /**
     * Forgets every device of an account: after a password reset, a ban or a role change whoever held the
     * account before must not keep receiving its notifications on their devices.
     */
    public int removeAll(String userId) {
        List<PushSubscription> all = subscriptions.findByUserIdOrderByCreatedAtAsc(userId);
        subscriptions.deleteAll(all);
        return all.size();
    }

    public void remove(String userId, String id) {
        PushSubscription subscription = owned(userId, id);
        subscriptions.remove(subscription.id());
    }

    /** Sends the test message to this one device; true when its push service accepted it. */
    public boolean sendTest(String userId, String id) {
        PushSubscription subscription = owned(userId, id);
        return sender.deliver(subscription, new PushSender.PushMessage("test_" + UUID.randomUUID(), TEST_TITLE,
                TEST_BODY, "/", "push-test"), WebPushSender.Urgency.NORMAL);
    }

    private PushSubscription owned(String userId, String id) {
        // Someone else's subscription answers exactly like one that does not exist.
        return subscriptions.findByIdAndUserId(id, userId)
                .orElseThrow(() -> ApiException.notFound("No such push subscription."));
    }

    private static String validPublicKey(String p256dh) {
        if (p256dh == null) {
            throw invalidKeys();
        }
        try {
            byte[] raw = WebPushCrypto.decodeBase64Url(p256dh);
            WebPushCrypto.publicKey(raw);
            return WebPushCrypto.base64Url(raw);
        } catch (IllegalArgumentException e) {
            throw invalidKeys();
        }
    }

    private static byte[] validAuthSecret(String auth) {
        if (auth == null) {
            throw invalidKeys();
        }
        try {
            byte[] raw = WebPushCrypto.decodeBase64Url(auth);
            if (raw.length != 16) {
                throw invalidKeys();
            }
            return raw;
        } catch (IllegalArgumentException e) {
            throw invalidKeys();
        }
    }

    private static ApiException invalidKeys() {
        return ApiException.badRequest("invalid_push_keys", "keys.p256dh must be a P-256 public key and keys.auth "
                + "16 bytes, both base64url, as PushSubscription.toJSON() gives them.");
    }

    /** Enough to tell one's devices apart in a list; the full header is never stored. */
    static String userAgentFamily(String header) {
        if (header == null) {
            return "Other";
        }
        if (header.contains("Edg/") || header.contains("EdgA/") || header.contains("EdgiOS/")) {
            return "Edge";
        }
        if (header.contains("OPR/") || header.contains("Opera")) {
            return "Opera";
        }
        if (header.contains("SamsungBrowser/")) {
            return "Samsung Internet";
        }
        if (header.contains("Firefox/") || header.contains("FxiOS/")) {
            return "Firefox";
        }
        if (header.contains("Chrome/") || header.contains("CriOS/") || header.contains("Chromium/")) {
            return "Chrome";
        }
        if (header.contains("Safari/")) {
            return "Safari";
        }
        return "Other";
    }

    /** Endpoints and device tokens are unique through their SHA-256 (hex). */
    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
