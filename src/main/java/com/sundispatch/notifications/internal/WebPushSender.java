package com.sundispatch.notifications.internal;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.sundispatch.security.DataCipher;
import com.sundispatch.security.OutboundHttp;
import com.sundispatch.security.UnsafeUrlException;

import tools.jackson.databind.json.JsonMapper;

/**
 * Web Push delivery (RFC 8030) through the one guarded outbound client, so a subscription endpoint can never
 * reach an internal address, not even after DNS changed its answer. Each message is encrypted for the
 * device (RFC 8291, aes128gcm) and carries a VAPID token (RFC 8292) signed with this server's key. Logs name
 * the push service's host only: the endpoint path addresses one device and is as good as a password.
 */
@Component
class WebPushSender implements PushSender {

    /** RFC 8030 section 5.3; "high" is for things the person must see now (an offer that expires in minutes). */
    enum Urgency {
        NORMAL("normal"), HIGH("high");

        private final String header;

        Urgency(String header) {
            this.header = header;
        }

        String header() {
            return header;
        }
    }

    /** A VAPID token must not outlive 24 h (RFC 8292 section 2); 12 h leaves room for skewed clocks. */
    static final Duration TOKEN_LIFETIME = Duration.ofHours(12);
    private static final int MAX_TOPIC = 32;
    private static final Logger log = LoggerFactory.getLogger(WebPushSender.class);

    private final PushSubscriptionRepository subscriptions;
    private final PushVapidKeys keys;
    private final PushProperties properties;
    private final OutboundHttp http;
    private final DataCipher cipher;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();

    WebPushSender(PushSubscriptionRepository subscriptions, PushVapidKeys keys, PushProperties properties,
            OutboundHttp http, DataCipher cipher, Clock clock) {
        this.subscriptions = subscriptions;
        this.keys = keys;
        this.properties = properties;
        this.http = http;
        this.cipher = cipher;
        this.clock = clock;
    }

    @Override
    public int send(String userId, PushMessage message) {
        return send(userId, message, Urgency.NORMAL);
    }

    int send(String userId, PushMessage message, Urgency urgency) {
        if (keys.identity().isEmpty()) {
            return 0;
        }
        List<PushSubscription> targets = subscriptions.findByUserIdOrderByCreatedAtAsc(userId);
        int accepted = 0;
        for (PushSubscription subscription : targets) {
            if (deliver(subscription, message, urgency)) {
                accepted++;
            }
        }
        return accepted;
    }

    /**
     * One push to one device; true when the push service accepted it. Never throws: a failed push must not
     * undo or delay whatever caused it.
     */
    boolean deliver(PushSubscription subscription, PushMessage message, Urgency urgency) {
        PushVapidKeys.Identity identity = keys.identity().orElse(null);
        if (identity == null) {
            return false;
        }
        String host = host(subscription.endpoint());
        try {
            byte[] authSecret = cipher.decrypt(subscription.authSecretEncrypted(), context(subscription.id()));
            byte[] body = WebPushCrypto.encrypt(payload(message), WebPushCrypto.decodeBase64Url(subscription.p256dh()),
                    authSecret);
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("Authorization", "vapid t=" + token(identity, subscription.endpoint()) + ", k="
                    + identity.publicKey());
            // The guarded client labels every body application/json: true of the decrypted content, which is
            // what Content-Type describes under a Content-Encoding.
            headers.put("Content-Encoding", "aes128gcm");
            headers.put("TTL", Long.toString(properties.ttl().toSeconds()));
            headers.put("Urgency", urgency.header());
            String topic = topic(message.tag());
            if (topic != null) {
                headers.put("Topic", topic);
            }
            int status = http.postJson(subscription.endpoint(), body, headers).status();
            if (status >= 200 && status < 300) {
                subscriptions.markSuccess(subscription.id(), clock.instant());
                return true;
            }
            if (status == 404 || status == 410) {
                subscriptions.remove(subscription.id());
                log.info("Push subscription {} removed: the push service at {} answered {}", subscription.id(), host,
                        status);
                return false;
            }
            log.warn("Push to subscription {} not accepted by {}: HTTP {}", subscription.id(), host, status);
        } catch (UnsafeUrlException e) {
            log.warn("Push to subscription {} refused: the endpoint host {} broke rule {}", subscription.id(), host,
                    e.rule());
        } catch (OutboundHttp.Failure e) {
            log.warn("Push to subscription {} at {} failed: {}", subscription.id(), host, e.getMessage());
        } catch (RuntimeException e) {
            log.warn("Push to subscription {} at {} failed: {}", subscription.id(), host, e.getClass().getSimpleName());
        }
        return false;
    }

    /** RFC 8292: a token for the push service's origin, valid for at most 12 h, naming our contact. */
    private String token(PushVapidKeys.Identity identity, String endpoint) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("aud", origin(endpoint));
        claims.put("exp", clock.instant().plus(TOKEN_LIFETIME).getEpochSecond());
        claims.put("sub", identity.subject());
        return WebPushCrypto.signJwt("{\"typ\":\"JWT\",\"alg\":\"ES256\"}", json.writeValueAsString(claims),
                identity.privateKey());
    }

    /** The JSON the service worker reads; a long body is shortened until the message fits one record. */
    byte[] payload(PushMessage message) {
        String text = message.body() == null ? "" : message.body();
        while (true) {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("eventId", message.eventId());
            fields.put("title", message.title());
            fields.put("body", text);
            fields.put("link", message.link());
            fields.put("tag", message.tag());
            byte[] bytes = json.writeValueAsBytes(fields);
            if (bytes.length <= WebPushCrypto.MAX_PLAINTEXT || text.isEmpty()) {
                return bytes;
            }
            int cut = Math.max(0, text.length() - (bytes.length - WebPushCrypto.MAX_PLAINTEXT) - 1);
            if (cut > 0 && Character.isHighSurrogate(text.charAt(cut - 1))) {
                cut--;
            }
            text = cut == 0 ? "" : text.substring(0, cut) + "\u2026";
        }
    }

    /**
     * RFC 8030 section 5.4: at most 32 characters of the base64url alphabet. A tag that already is one is used
     * as it is (readable at the push service); any other is replaced by its hash, which keeps "same tag, same
     * topic" without revealing the tag.
     */
    static String topic(String tag) {
        if (tag == null || tag.isEmpty()) {
            return null;
        }
        if (tag.length() <= MAX_TOPIC && tag.matches("[A-Za-z0-9_-]+")) {
            return tag;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(tag.getBytes(StandardCharsets.UTF_8));
            return WebPushCrypto.base64Url(digest).substring(0, MAX_TOPIC);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    /**
     * Scheme, host and a non-default port: the audience a push service compares with its own origin. URI
     * schemes are ASCII by grammar, so only ASCII letters are folded.
     */
    static String origin(String endpoint) {
        URI uri = URI.create(endpoint.trim());
        String scheme = asciiLowerCase(uri.getScheme());
        int port = uri.getPort();
        boolean defaultPort = port == -1 || (scheme.equals("https") && port == 443)
                || (scheme.equals("http") && port == 80);
        return scheme + "://" + uri.getHost() + (defaultPort ? "" : ":" + port);
    }

    private static String asciiLowerCase(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            out.append(c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c);
        }
        return out.toString();
    }

    static String host(String endpoint) {
        try {
            String host = URI.create(endpoint.trim()).getHost();
            return host == null ? "(no host)" : host;
        } catch (IllegalArgumentException e) {
            return "(unparsable)";
        }
    }

    static String context(String subscriptionId) {
        return "push:" + subscriptionId;
    }
}
