package com.sundispatch.security;

import java.time.Duration;
import java.util.OptionalLong;

/**
 * Small counters and markers that every application instance must see alike: rate-limit and login-failure
 * counters, revoked sessions. Backed by Redis when {@code SPRING_DATA_REDIS_URL} is set, in-process
 * otherwise. Expiry is wall-clock housekeeping only; rules compare stored instants with the injected Clock.
 */
public interface SharedState {

    /** Adds one and returns the new value; a new key lives for {@code ttl}. */
    long increment(String key, Duration ttl);

    OptionalLong get(String key);

    void set(String key, long value, Duration ttl);

    void delete(String key);

    /** Thrown when the shared store cannot be reached; callers choose a safe fallback. */
    class UnavailableException extends RuntimeException {
        public UnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
