package com.sundispatch.security.internal;

import java.util.List;

/** Token buckets by key: {@code perMinute} requests a minute, refilled continuously. */
interface RateLimiter {

    /** Whether one more request is allowed now, and if not, how many seconds until it would be. */
    record Decision(boolean allowed, long retryAfterSeconds) {

        static final Decision ALLOWED = new Decision(true, 0);
    }

    /** One bucket: its key and its size (and refill) per minute. */
    record Limit(String key, long perMinute) {
    }

    /** The answer for several buckets at once: {@code refused} is the index of the refusing limit, or -1. */
    record Outcome(int refused, long retryAfterSeconds) {

        static final Outcome ALLOWED = new Outcome(-1, 0);

        boolean allowed() {
            return refused < 0;
        }

        Decision decision() {
            return allowed() ? Decision.ALLOWED : new Decision(false, retryAfterSeconds);
        }
    }

    /**
     * One token from each of {@code limits}, in order; the first bucket that is empty refuses the request. The
     * shared (Redis) implementation takes from all of them or from none, in one round trip.
     */
    Outcome tryConsume(List<Limit> limits);

    default Decision tryConsume(String key, long perMinute) {
        return tryConsume(List.of(new Limit(key, perMinute))).decision();
    }

    /** Whole seconds to wait for {@code nanos}, at least one, as the Retry-After header wants them. */
    static long retryAfterSeconds(long nanos) {
        return Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L);
    }
}
