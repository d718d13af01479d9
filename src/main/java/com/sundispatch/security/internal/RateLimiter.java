package com.sundispatch.security.internal;

/** Token buckets by key: {@code perMinute} requests a minute, refilled continuously. */
interface RateLimiter {

    /** Whether one more request is allowed now, and if not, how many seconds until it would be. */
    record Decision(boolean allowed, long retryAfterSeconds) {
    }

    Decision tryConsume(String key, long perMinute);
}
