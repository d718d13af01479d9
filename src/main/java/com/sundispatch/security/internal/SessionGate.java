package com.sundispatch.security.internal;

import java.util.List;
import java.util.Optional;

import com.sundispatch.security.SharedState;

/**
 * The shared-state work of an authenticated request in at most one Redis round trip: whether the session
 * was revoked (exact: asked of Redis on every request, never cached) and, in the same script call, one token
 * from the user's rate-limit bucket. It runs after the token's signature and claims were verified, so a
 * forged or expired token can neither spend a user's budget nor learn anything. The user's decision waits
 * in a thread-local for the per-user filter later in the same request.
 */
final class SessionGate {

    private static final ThreadLocal<Pending> USER_DECISION = new ThreadLocal<>();

    /** A decision and the user it was made for, so it is never applied to anyone else. */
    private record Pending(String userId, RateLimiter.Decision decision) {
    }

    private final SharedSessionRevocations revocations;
    private final RateLimiter limiter;
    private final Optional<RedisRateLimiter> redis;
    private final RateLimitProperties limits;

    SessionGate(SharedSessionRevocations revocations, RateLimiter limiter, Optional<RedisRateLimiter> redis,
            RateLimitProperties limits) {
        this.revocations = revocations;
        this.limiter = limiter;
        this.redis = redis;
        this.limits = limits;
    }

    /** Whether the session is revoked; if not, the user's token was taken (see {@link #takeUserDecision}). */
    boolean isRevoked(String sessionId, String userId) {
        USER_DECISION.remove();
        if (revocations.isRevokedHere(sessionId)) {
            return true;
        }
        List<RateLimiter.Limit> user = limits.enabled() && userId != null
                ? List.of(new RateLimiter.Limit("user:" + userId, limits.userPerMinute()))
                : List.of();
        if (redis.isPresent()) {
            try {
                RedisRateLimiter.Checked checked = redis.get().check(user,
                        SharedSessionRevocations.key(sessionId));
                if (revocations.isLive(checked.value())) {
                    return true;
                }
                if (checked.spent() || !checked.outcome().allowed()) {
                    USER_DECISION.set(new Pending(userId, checked.outcome().decision()));
                }
                // An expired revocation marker spent nothing: the per-user filter takes the token itself.
                return false;
            } catch (SharedState.UnavailableException e) {
                if (revocations.isRevokedWithoutRedis(sessionId)) {
                    return true;
                }
                if (!user.isEmpty()) {
                    USER_DECISION.set(new Pending(userId, redis.get().fallback().tryConsume(user).decision()));
                }
                return false;
            }
        }
        if (revocations.isRevoked(sessionId)) {
            return true;
        }
        if (!user.isEmpty()) {
            USER_DECISION.set(new Pending(userId, limiter.tryConsume(user).decision()));
        }
        return false;
    }

    /** The decision for {@code userId} made while this request's token was checked, once; null if none. */
    static RateLimiter.Decision takeUserDecision(String userId) {
        Pending pending = USER_DECISION.get();
        USER_DECISION.remove();
        return pending != null && pending.userId().equals(userId) ? pending.decision() : null;
    }

    /** Forgets any decision left by a request that ended before the per-user filter (pooled threads). */
    static void clear() {
        USER_DECISION.remove();
    }
}
