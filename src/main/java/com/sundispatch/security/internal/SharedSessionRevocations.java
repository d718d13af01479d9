package com.sundispatch.security.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.scheduling.annotation.Scheduled;

import com.sundispatch.security.SessionRevocations;
import com.sundispatch.security.SessionStatusSource;
import com.sundispatch.security.SharedState;

/**
 * Revoked sessions, kept until their last access token has expired. Written to this instance's memory and
 * to Redis (when configured); read from memory, then Redis, and while Redis is down from the database, so
 * that an outage fails closed for revoked sessions instead of letting their tokens through.
 */
class SharedSessionRevocations implements SessionRevocations {

    private static final Logger log = LoggerFactory.getLogger(SharedSessionRevocations.class);

    private final InMemorySharedState local;
    private final Optional<RedisSharedState> redis;
    private final ObjectProvider<SessionStatusSource> records;
    private final Clock clock;
    /**
     * Revocations Redis did not take (unreachable, or this instance backing off after a failed connect), by
     * session id, with their end. Other instances read Redis and would see no marker, so these are written again
     * every second until Redis has them or they have expired.
     */
    private final Map<String, Instant> unshared = new ConcurrentHashMap<>();

    SharedSessionRevocations(InMemorySharedState local, Optional<RedisSharedState> redis,
            ObjectProvider<SessionStatusSource> records, Clock clock) {
        this.local = local;
        this.redis = redis;
        this.records = records;
        this.clock = clock;
    }

    @Override
    public void revoke(String sessionId, Instant until) {
        Duration ttl = Duration.between(clock.instant(), until).plusSeconds(60);
        if (ttl.isNegative()) {
            return;
        }
        local.set(key(sessionId), until.toEpochMilli(), ttl);
        if (redis.isPresent() && !share(sessionId, until)) {
            unshared.put(sessionId, until);
            log.warn("Redis unreachable while revoking a session; written again every second until Redis has it");
        }
    }

    /** Writes a revocation to Redis; false when Redis did not take it. */
    private boolean share(String sessionId, Instant until) {
        Duration ttl = Duration.between(clock.instant(), until).plusSeconds(60);
        if (ttl.isNegative()) {
            return true;
        }
        try {
            redis.orElseThrow().set(key(sessionId), until.toEpochMilli(), ttl);
            return true;
        } catch (SharedState.UnavailableException e) {
            return false;
        }
    }

    /** Revocations Redis has not taken yet are written again, so every instance refuses the session. */
    @Scheduled(fixedDelay = 1_000)
    void shareUnshared() {
        unshared.forEach((sessionId, until) -> {
            if (share(sessionId, until)) {
                unshared.remove(sessionId, until);
            }
        });
    }

    /** How many revocations wait for Redis (tests and diagnostics). */
    int unsharedCount() {
        return unshared.size();
    }

    @Override
    public boolean isRevoked(String sessionId) {
        if (isRevokedHere(sessionId)) {
            return true;
        }
        if (redis.isEmpty()) {
            return false;
        }
        try {
            return isLive(redis.get().get(key(sessionId)));
        } catch (SharedState.UnavailableException e) {
            return isRevokedWithoutRedis(sessionId);
        }
    }

    /** Revoked by this instance (memory only). */
    boolean isRevokedHere(String sessionId) {
        return isLive(local.get(key(sessionId)));
    }

    boolean isShared() {
        return redis.isPresent();
    }

    /** While Redis cannot answer: the database, and with no answer from anyone who knows, refused. */
    boolean isRevokedWithoutRedis(String sessionId) {
        SessionStatusSource source = records.getIfAvailable();
        // No answer from anyone who knows: refuse rather than accept a possibly revoked session.
        return source == null || source.isSessionRevoked(sessionId);
    }

    /** Whether a stored revocation (its end, epoch millis) still applies. */
    boolean isLive(OptionalLong until) {
        return until.isPresent() && until.getAsLong() > clock.millis();
    }

    /** The SharedState key (unprefixed) of a session's revocation. */
    static String key(String sessionId) {
        return "rev:" + sessionId;
    }

    @Scheduled(fixedDelay = 60_000)
    void purge() {
        local.purgeExpired();
    }
}
