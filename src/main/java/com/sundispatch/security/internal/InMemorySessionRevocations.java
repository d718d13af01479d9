package com.sundispatch.security.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import com.sundispatch.security.SessionRevocations;

/**
 * Revoked sessions of this instance, each kept only until its last access token has expired, so the map
 * stays as small as the number of sessions revoked in the last quarter of an hour.
 */
@Component
class InMemorySessionRevocations implements SessionRevocations {

    private final ConcurrentHashMap<String, Instant> revoked = new ConcurrentHashMap<>();
    private final Clock clock;

    InMemorySessionRevocations(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void revoke(String sessionId, Instant until) {
        revoked.merge(sessionId, until, (a, b) -> a.isAfter(b) ? a : b);
    }

    @Override
    public boolean isRevoked(String sessionId) {
        Instant until = revoked.get(sessionId);
        return until != null && clock.instant().isBefore(until);
    }

    @Scheduled(fixedDelay = 60_000)
    void purgeExpired() {
        Instant now = clock.instant();
        revoked.entrySet().removeIf(e -> !now.isBefore(e.getValue()));
    }
}
