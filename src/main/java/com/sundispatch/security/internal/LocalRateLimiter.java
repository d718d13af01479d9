package com.sundispatch.security.internal;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

/** Bucket4j buckets in this process. Full (idle) buckets are dropped, since a new one is the same. */
class LocalRateLimiter implements RateLimiter {

    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final ClockTimeMeter time;

    LocalRateLimiter(ClockTimeMeter time) {
        this.time = time;
    }

    @Override
    public Decision tryConsume(String key, long perMinute) {
        if (buckets.size() > 200_000) {
            dropIdle();
        }
        Bucket bucket = buckets.computeIfAbsent(key + "|" + perMinute, k -> Bucket.builder()
                .addLimit(limit -> limit.capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)))
                .withCustomTimePrecision(time)
                .build());
        return decision(bucket.tryConsumeAndReturnRemaining(1));
    }

    static Decision decision(ConsumptionProbe probe) {
        if (probe.isConsumed()) {
            return new Decision(true, 0);
        }
        long seconds = (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L;
        return new Decision(false, Math.max(1, seconds));
    }

    void dropIdle() {
        buckets.entrySet().removeIf(e -> {
            long capacity = Long.parseLong(e.getKey().substring(e.getKey().lastIndexOf('|') + 1));
            return e.getValue().getAvailableTokens() >= capacity;
        });
    }

    @org.springframework.scheduling.annotation.Scheduled(fixedDelay = 300_000)
    void housekeeping() {
        dropIdle();
    }
}
