package com.sundispatch.security.internal;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.scheduling.annotation.Scheduled;

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
    public Outcome tryConsume(List<Limit> limits) {
        // Sequential, as in-process buckets cannot be taken together: a bucket before the refusing one has
        // given its token (the refused request still counted there), which only ever errs on the strict side.
        for (int i = 0; i < limits.size(); i++) {
            Limit limit = limits.get(i);
            Decision d = tryConsume(limit.key(), limit.perMinute());
            if (!d.allowed()) {
                return new Outcome(i, d.retryAfterSeconds());
            }
        }
        return Outcome.ALLOWED;
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
            return Decision.ALLOWED;
        }
        return new Decision(false, RateLimiter.retryAfterSeconds(probe.getNanosToWaitForRefill()));
    }

    void dropIdle() {
        buckets.entrySet().removeIf(e -> {
            long capacity = Long.parseLong(e.getKey().substring(e.getKey().lastIndexOf('|') + 1));
            return e.getValue().getAvailableTokens() >= capacity;
        });
    }

    @Scheduled(fixedDelay = 300_000)
    void housekeeping() {
        dropIdle();
    }
}
