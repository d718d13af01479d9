package com.sundispatch.security.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Requests a minute per client IP on /api/v1/auth/**, per client IP overall, per user, and per client IP on the
 * public place search (/api/v1/places/**), which calls a geocoder with a small budget of its own.
 */
@ConfigurationProperties("sundispatch.rate-limit")
public record RateLimitProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("10") long authPerMinute,
        @DefaultValue("300") long ipPerMinute,
        @DefaultValue("600") long userPerMinute,
        @DefaultValue("60") long placesPerMinute) {

    static final long MAX_PER_MINUTE = 150_000_000L;

    public RateLimitProperties {
        if (authPerMinute < 1 || ipPerMinute < 1 || userPerMinute < 1 || placesPerMinute < 1) {
            throw new IllegalArgumentException("rate limits must be at least 1 per minute");
        }
        // The shared buckets count in 1/60,000,000 of a token, exact in a Lua number up to 2^53 (docs/rate-limits.md).
        if (Math.max(Math.max(authPerMinute, ipPerMinute), Math.max(userPerMinute, placesPerMinute)) > MAX_PER_MINUTE) {
            throw new IllegalArgumentException("rate limits must be at most " + MAX_PER_MINUTE + " per minute");
        }
    }
}
