package com.sundispatch.security.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.sundispatch.security.SharedState;

/**
 * The shared-state work of a request that carries an access token, in at most one Redis round trip: one token
 * from each of its address's buckets (left here by the per-address filter), whether the session was revoked
 * (exact: asked of Redis on every request, never cached) and one token from the user's bucket. It runs after
 * the token's signature and claims were verified, so a forged or expired token can neither spend a user's
 * budget nor learn anything; such a request spends its address's budget when its 401 is written
 * ({@link #settleAddress}), or, if it never gets that far, when the per-address filter finishes. A request
 * refused by its user's bucket spends nothing from its address's (all or none, as for the address's own
 * buckets); a revoked session's request still spends its address's. The decisions wait in thread-locals for
 * the per-user filter later in the same request.
 */
final class SessionGate {

    private static final ThreadLocal<Pending> USER_DECISION = new ThreadLocal<>();
    private static final ThreadLocal<Address> ADDRESS = new ThreadLocal<>();

    /** A decision and the user it was made for, so it is never applied to anyone else. */
    private record Pending(String userId, RateLimiter.Decision decision) {
    }

    /** The address's buckets of this request and, once they were asked, their outcome (thread-confined). */
    static final class Address {

        private final List<RateLimiter.Limit> limits;
        private RateLimiter.Outcome outcome;

        private Address(List<RateLimiter.Limit> limits) {
            this.limits = limits;
        }

        boolean refused() {
            return outcome != null && !outcome.allowed();
        }

        RateLimiter.Decision decision() {
            return outcome.decision();
        }

        /** The key of the bucket that refused, for the audit trail. */
        String refusedKey() {
            return limits.get(outcome.refused()).key();
        }
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

    /** Leaves the address's buckets of this request for the token check to take with the rest. */
    static void deferAddress(List<RateLimiter.Limit> limits) {
        ADDRESS.set(new Address(List.copyOf(limits)));
    }

    /**
     * This request's address outcome, taking its tokens now from {@code limiter} if the token check did not
     * (a token that failed before it); null when nothing was deferred.
     */
    static Address settleAddress(RateLimiter limiter) {
        Address address = ADDRESS.get();
        if (address != null && address.outcome == null) {
            address.outcome = limiter.tryConsume(address.limits);
        }
        return address;
    }

    /** The address outcome the token check reached, or null: for the per-user filter. */
    static Address addressRefusal() {
        Address address = ADDRESS.get();
        return address != null && address.refused() ? address : null;
    }

    /**
     * Whether the session is revoked; if not, the address's deferred tokens and the user's token were taken
     * (see {@link #addressRefusal} and {@link #takeUserDecision}).
     */
    boolean isRevoked(String sessionId, String userId) {
        USER_DECISION.remove();
        Address address = ADDRESS.get();
        List<RateLimiter.Limit> deferred = address != null && address.outcome == null ? address.limits : List.of();
        if (revocations.isRevokedHere(sessionId)) {
            settleAddress(limiter);
            return true;
        }
        List<RateLimiter.Limit> user = limits.enabled() && userId != null
                ? List.of(new RateLimiter.Limit("user:" + userId, limits.userPerMinute()))
                : List.of();
        if (redis.isPresent()) {
            List<RateLimiter.Limit> all = new ArrayList<>(deferred.size() + user.size());
            all.addAll(deferred);
            all.addAll(user);
            RedisRateLimiter.Checked checked;
            try {
                checked = redis.get().check(all, deferred.size(), SharedSessionRevocations.key(sessionId));
            } catch (SharedState.UnavailableException e) {
                // Redis is down: this instance's buckets, and the revocations the database knows.
                return takeLocally(redis.get().fallback(), revocations.isRevokedWithoutRedis(sessionId), address,
                        deferred, userId, user);
            }
            RateLimiter.Outcome outcome = checked.outcome();
            boolean addressRefused = !outcome.allowed() && outcome.refused() < deferred.size();
            if (!deferred.isEmpty()) {
                // Refused by the user's bucket: the address gave nothing either, and is not asked again.
                address.outcome = addressRefused ? outcome : RateLimiter.Outcome.ALLOWED;
            }
            if (revocations.isLive(checked.value())) {
                return true;
            }
            // With a revocation marker present (an expired one) only the address's buckets were asked, and the
            // per-user filter takes the user's token itself.
            boolean userAsked = !user.isEmpty() && checked.value().isEmpty() && !addressRefused;
            if (userAsked && (checked.spent() || !outcome.allowed())) {
                USER_DECISION.set(new Pending(userId, outcome.allowed() ? RateLimiter.Decision.ALLOWED
                        : new RateLimiter.Decision(false, outcome.retryAfterSeconds())));
            }
            return false;
        }
        return takeLocally(limiter, revocations.isRevoked(sessionId), address, deferred, userId, user);
    }

    /** In-process buckets, one after the other: the address's first, then, if the session lives, the user's. */
    private static boolean takeLocally(RateLimiter local, boolean revoked, Address address,
            List<RateLimiter.Limit> deferred, String userId, List<RateLimiter.Limit> user) {
        if (!deferred.isEmpty()) {
            address.outcome = local.tryConsume(deferred);
            if (!address.outcome.allowed()) {
                return revoked;
            }
        }
        if (revoked) {
            return true;
        }
        if (!user.isEmpty()) {
            USER_DECISION.set(new Pending(userId, local.tryConsume(user).decision()));
        }
        return false;
    }

    /** The decision for {@code userId} made while this request's token was checked, once; null if none. */
    static RateLimiter.Decision takeUserDecision(String userId) {
        Pending pending = USER_DECISION.get();
        USER_DECISION.remove();
        return pending != null && pending.userId().equals(userId) ? pending.decision() : null;
    }

    /** Forgets what a request left behind (pooled threads). */
    static void clear() {
        USER_DECISION.remove();
        ADDRESS.remove();
    }
}
