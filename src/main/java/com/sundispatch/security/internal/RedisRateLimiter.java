package com.sundispatch.security.internal;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.github.bucket4j.redis.lettuce.cas.LettuceBasedProxyManager;

/**
 * Bucket4j buckets in Redis, shared by every instance. While Redis is unreachable, this instance's own
 * buckets apply (a limit per instance rather than none).
 */
class RedisRateLimiter implements RateLimiter {

    private static final Logger log = LoggerFactory.getLogger(RedisRateLimiter.class);
    private static final long WARN_EVERY_NANOS = Duration.ofSeconds(30).toNanos();

    private final RedisConnections connections;
    private final String prefix;
    private final LocalRateLimiter fallback;
    private volatile LettuceBasedProxyManager<String> proxyManager;
    private volatile long lastWarning = System.nanoTime() - WARN_EVERY_NANOS;

    private final ClockTimeMeter time;

    RedisRateLimiter(RedisConnections connections, String prefix, LocalRateLimiter fallback, ClockTimeMeter time) {
        this.connections = connections;
        this.time = time;
        this.prefix = prefix;
        this.fallback = fallback;
    }

    @Override
    public Decision tryConsume(String key, long perMinute) {
        try {
            BucketConfiguration config = BucketConfiguration.builder()
                    .addLimit(limit -> limit.capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)))
                    .build();
            return LocalRateLimiter.decision(manager().builder()
                    .build(prefix + "rl:" + key + "|" + perMinute, () -> config)
                    .tryConsumeAndReturnRemaining(1));
        } catch (RuntimeException e) {
            long now = System.nanoTime();
            if (now - lastWarning >= WARN_EVERY_NANOS) {
                lastWarning = now;
                log.warn("Redis is unreachable: rate limits are per instance until it is back ({})",
                        e.getClass().getSimpleName());
            }
            return fallback.tryConsume(key, perMinute);
        }
    }

    private LettuceBasedProxyManager<String> manager() {
        LettuceBasedProxyManager<String> m = proxyManager;
        if (m == null) {
            synchronized (this) {
                if (proxyManager == null) {
                    proxyManager = Bucket4jLettuce.casBasedBuilder(connections.buckets())
                            .clientClock(time)
                            .expirationAfterWrite(ExpirationAfterWriteStrategy
                                    .basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(10)))
                            .build();
                }
                m = proxyManager;
            }
        }
        return m;
    }
}
