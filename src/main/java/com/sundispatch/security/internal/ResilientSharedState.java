package com.sundispatch.security.internal;

import java.time.Duration;
import java.util.OptionalLong;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.sundispatch.security.SharedState;

/**
 * Redis first; while Redis cannot be reached, this instance's own memory, with a warning. Counters then hold
 * per instance, which is weaker but never lifts a limit altogether.
 */
class ResilientSharedState implements SharedState {

    private static final Logger log = LoggerFactory.getLogger(ResilientSharedState.class);
    private static final long WARN_EVERY_NANOS = Duration.ofSeconds(30).toNanos();

    private final SharedState primary;
    private final SharedState fallback;
    private volatile long lastWarning = System.nanoTime() - WARN_EVERY_NANOS;

    ResilientSharedState(SharedState primary, SharedState fallback) {
        this.primary = primary;
        this.fallback = fallback;
    }

    @Override
    public long increment(String key, Duration ttl) {
        return attempt(() -> primary.increment(key, ttl), () -> fallback.increment(key, ttl));
    }

    @Override
    public OptionalLong get(String key) {
        return attempt(() -> primary.get(key), () -> fallback.get(key));
    }

    @Override
    public void set(String key, long value, Duration ttl) {
        attempt(() -> {
            primary.set(key, value, ttl);
            return null;
        }, () -> {
            fallback.set(key, value, ttl);
            return null;
        });
    }

    @Override
    public void delete(String key) {
        fallback.delete(key);
        attempt(() -> {
            primary.delete(key);
            return null;
        }, () -> null);
    }

    private <T> T attempt(Supplier<T> first, Supplier<T> second) {
        try {
            return first.get();
        } catch (UnavailableException e) {
            long now = System.nanoTime();
            if (now - lastWarning >= WARN_EVERY_NANOS) {
                lastWarning = now;
                log.warn("Redis is unreachable: using per-instance counters until it is back ({})",
                        e.getCause() == null ? e.getMessage() : e.getCause().getClass().getSimpleName());
            }
            return second.get();
        }
    }
}
