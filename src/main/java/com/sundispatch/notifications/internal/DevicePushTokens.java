package com.sundispatch.notifications.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.annotation.Nullable;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.sundispatch.security.SessionStatusSource;
import com.sundispatch.shared.ApiException;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The mobile apps' push tokens (Expo push tokens). Each is bound to the session that registered it: a phone that
 * signs out, whose session is revoked (sign out everywhere, password change, ban) or whose session expires gets
 * no further pushes, because {@link ExpoPushSender} drops such a token instead of sending to it.
 */
@Service
public class DevicePushTokens {

    /** What the owner sees of a registered phone: never the token itself (it addresses the device). */
    @Schema(name = "DevicePushToken")
    public record View(String id, String platform, Instant createdAt, @Nullable Instant lastSuccessAt,
            boolean currentSession) {
    }

    /** {@code created} is false when this app's token was registered before (the same id comes back). */
    public record Registered(String id, Instant createdAt, boolean created) {
    }

    public static final int MAX_PER_USER = 10;
    /** Expo's token shapes: {@code ExponentPushToken[...]} (and the newer {@code ExpoPushToken[...]}). */
    private static final Pattern TOKEN = Pattern.compile("Expo(nent)?PushToken\\[[A-Za-z0-9_-]{8,150}]");
    private static final List<String> PLATFORMS = List.of("ios", "android");

    private final DevicePushTokenRepository tokens;
    private final SessionStatusSource sessions;
    private final ExpoPushProperties properties;
    private final Clock clock;
    private final TransactionTemplate transactions;

    DevicePushTokens(DevicePushTokenRepository tokens, SessionStatusSource sessions, ExpoPushProperties properties,
            Clock clock, PlatformTransactionManager transactionManager) {
        this.tokens = tokens;
        this.sessions = sessions;
        this.properties = properties;
        this.clock = clock;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    public Registered register(String userId, String sessionId, String token, String platform) {
        if (!properties.enabled()) {
            throw PushSubscriptions.notConfigured();
        }
        String value = token == null ? "" : token.trim();
        if (!TOKEN.matcher(value).matches()) {
            throw ApiException.badRequest("invalid_push_token",
                    "token must be an Expo push token (ExponentPushToken[...]) as getExpoPushTokenAsync gives it.");
        }
        String os = platform == null ? "" : platform.toLowerCase(Locale.ROOT);
        if (!PLATFORMS.contains(os)) {
            throw ApiException.badRequest("invalid_platform", "platform must be ios or android.");
        }
        try {
            return transactions.execute(s -> store(userId, sessionId, value, os));
        } catch (DataIntegrityViolationException e) {
            // The same app registered twice at once: the other request inserted the row; this one now finds it.
            return transactions.execute(s -> store(userId, sessionId, value, os));
        }
    }

    private Registered store(String userId, String sessionId, String token, String platform) {
        String hash = PushSubscriptions.sha256(token);
        DevicePushToken existing = tokens.findByTokenHash(hash).orElse(null);
        if (existing != null && existing.userId().equals(userId)) {
            existing.rebind(sessionId, platform);
            tokens.removeOthersOfSession(sessionId, existing.id());
            return new Registered(existing.id(), existing.createdAt(), false);
        }
        if (existing != null) {
            // The phone now belongs to another account (someone else signed in on it): it must stop showing the
            // previous account's notifications.
            tokens.delete(existing);
            tokens.flush();
        }
        // Phones whose session ended no longer count (they would get nothing anyway).
        for (DevicePushToken other : tokens.findByUserIdOrderByCreatedAtAsc(userId)) {
            if (!other.sessionId().equals(sessionId) && !sessions.isSessionLive(other.sessionId())) {
                tokens.delete(other);
            }
        }
        if (tokens.countByUserId(userId) >= MAX_PER_USER) {
            throw ApiException.conflict("too_many_push_subscriptions", "At most " + MAX_PER_USER
                    + " devices can receive push notifications. Remove one first.");
        }
        String id = UUID.randomUUID().toString();
        DevicePushToken created = tokens.saveAndFlush(new DevicePushToken(id, userId, sessionId, token, hash,
                platform, clock.instant()));
        // One app per session: whoever got hold of this session's access token cannot keep a second phone of
        // theirs receiving the account's pushes once the owner's app registers again.
        tokens.removeOthersOfSession(sessionId, id);
        return new Registered(created.id(), created.createdAt(), true);
    }

    /** The phones that still receive pushes: a token whose session has ended is forgotten here, as at sending. */
    public List<View> list(String userId, String currentSessionId) {
        List<DevicePushToken> all = tokens.findByUserIdOrderByCreatedAtAsc(userId);
        List<DevicePushToken> live = new ArrayList<>();
        for (DevicePushToken token : all) {
            if (token.sessionId().equals(currentSessionId) || sessions.isSessionLive(token.sessionId())) {
                live.add(token);
            } else {
                tokens.remove(token.id());
            }
        }
        return live.stream()
                .map(t -> new View(t.id(), t.platform(), t.createdAt(), t.lastSuccessAt(),
                        t.sessionId().equals(currentSessionId)))
                .toList();
    }

    public void remove(String userId, String id) {
        // Someone else's token answers exactly like one that does not exist.
        DevicePushToken token = tokens.findByIdAndUserId(id, userId)
                .orElseThrow(() -> ApiException.notFound("No such push token."));
        tokens.remove(token.id());
    }

    /** After a password change, a ban or an MFA reset: no phone keeps receiving the account's notifications. */
    public int removeAll(String userId) {
        return tokens.removeAllOf(userId);
    }
}
