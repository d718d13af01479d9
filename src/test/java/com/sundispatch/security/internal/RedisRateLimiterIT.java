package com.sundispatch.security.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import com.sundispatch.security.SharedState;
import com.sundispatch.support.MutableClock;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Lua token bucket against a real Redis: exact counts, all-or-nothing, expiry, reload, and Redis down. */
@EnabledIfSystemProperty(named = "it.redis.url", matches = ".+")
class RedisRateLimiterIT {

    private static RedisConnections connections;
    private static RedisClient admin;
    private static StatefulRedisConnection<String, String> adminConnection;
    private final String prefix = "sd-rl-it-" + UUID.randomUUID() + ":";
    private final MutableClock clock = new MutableClock();
    private final RedisRateLimiter limiter = new RedisRateLimiter(connections, prefix,
            new LocalRateLimiter(new ClockTimeMeter(clock)));

    @BeforeAll
    static void connect() {
        connections = new RedisConnections(System.getProperty("it.redis.url"));
        admin = RedisClient.create(System.getProperty("it.redis.url"));
        adminConnection = admin.connect();
    }

    @AfterAll
    static void close() {
        adminConnection.close();
        admin.shutdown();
        connections.close();
    }

    private static RedisCommands<String, String> redis() {
        return adminConnection.sync();
    }

    @Test
    void exactlyTheLimitThenRefusedWithRetryAfter() {
        // 6 a minute: a token every 10 s, so the test's own run time refills none.
        for (int i = 0; i < 6; i++) {
            assertThat(limiter.tryConsume("ip:a", 6).allowed()).isTrue();
        }
        RateLimiter.Decision refused = limiter.tryConsume("ip:a", 6);
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfterSeconds()).isBetween(1L, 10L);
        assertThat(limiter.tryConsume("ip:b", 6).allowed()).isTrue();
        // The bucket expires once it would be full again (a minute from empty, plus a second), never stays.
        assertThat(redis().pttl(prefix + "rl2:ip:a|6")).isBetween(1L, 61_000L);
    }

    @Test
    void severalBucketsGiveATokenEachOrNone() {
        List<RateLimiter.Limit> both = List.of(new RateLimiter.Limit("auth:x", 2), new RateLimiter.Limit("ip:x", 5));
        assertThat(limiter.tryConsume(both).allowed()).isTrue();
        assertThat(limiter.tryConsume(both).allowed()).isTrue();
        RateLimiter.Outcome third = limiter.tryConsume(both);
        assertThat(third.refused()).isZero();
        // The refused call took nothing from the second bucket: 3 of its 5 are left.
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.tryConsume("ip:x", 5).allowed()).isTrue();
        }
        assertThat(limiter.tryConsume("ip:x", 5).allowed()).isFalse();
        assertThat(limiter.tryConsume(List.of(new RateLimiter.Limit("auth:y", 2), new RateLimiter.Limit("ip:x", 5)))
                .refused()).isEqualTo(1);
    }

    @Test
    void concurrentRequestsOnOneKeyNeverExceedTheLimit() throws Exception {
        int limit = 32;
        AtomicInteger allowed = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(32);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 32; t++) {
                done.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < 8; i++) {
                        if (limiter.tryConsume("ip:crowd", limit).allowed()) {
                            allowed.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        // 256 attempts on a bucket of 32 (one new token every 1.9 s): exactly 32 pass.
        assertThat(allowed.get()).isEqualTo(limit);
    }

    @Test
    void theScriptIsLoadedAgainAfterScriptFlush() {
        assertThat(limiter.tryConsume("ip:f", 3).allowed()).isTrue();
        assertThat(redis().scriptFlush()).isEqualTo("OK");
        assertThat(redis().scriptExists(RedisRateLimiter.sha1(RedisRateLimiter.SCRIPT))).containsExactly(false);
        assertThat(limiter.tryConsume("ip:f", 3).allowed()).isTrue();
        assertThat(redis().scriptExists(RedisRateLimiter.sha1(RedisRateLimiter.SCRIPT))).containsExactly(true);
        assertThat(limiter.tryConsume("ip:f", 3).allowed()).isTrue();
        assertThat(limiter.tryConsume("ip:f", 3).allowed()).isFalse();
    }

    @Test
    void theRevocationMarkerIsReadInTheSameCallAndARevokedSessionSpendsNothing() {
        redis().set(prefix + "rev:s1", "123");
        RedisRateLimiter.Checked revoked = limiter.check(List.of(new RateLimiter.Limit("user:u", 1)), 0, "rev:s1");
        assertThat(revoked.value()).hasValue(123);
        assertThat(revoked.spent()).isFalse();
        RedisRateLimiter.Checked live = limiter.check(List.of(new RateLimiter.Limit("user:u", 1)), 0, "rev:s2");
        assertThat(live.value()).isEmpty();
        assertThat(live.spent()).isTrue();
        assertThat(live.outcome().allowed()).isTrue();
        assertThat(limiter.check(List.of(new RateLimiter.Limit("user:u", 1)), 0, "rev:s2").outcome().allowed())
                .isFalse();
    }

    @Test
    void aRevokedSessionStillSpendsItsAddressBucketsButNotTheUsers() {
        redis().set(prefix + "rev:s3", "456");
        List<RateLimiter.Limit> addressThenUser = List.of(new RateLimiter.Limit("ip:r", 2),
                new RateLimiter.Limit("user:r", 5));
        for (int i = 0; i < 2; i++) {
            RedisRateLimiter.Checked revoked = limiter.check(addressThenUser, 1, "rev:s3");
            assertThat(revoked.value()).hasValue(456);
            assertThat(revoked.outcome().allowed()).isTrue();
        }
        RedisRateLimiter.Checked refused = limiter.check(addressThenUser, 1, "rev:s3");
        assertThat(refused.outcome().allowed()).isFalse();
        assertThat(refused.outcome().refused()).isZero();
        assertThat(refused.value()).hasValue(456);
        // The user's bucket was never touched: all five of its tokens are there.
        for (int i = 0; i < 5; i++) {
            assertThat(limiter.tryConsume("user:r", 5).allowed()).isTrue();
        }
        assertThat(limiter.tryConsume("user:r", 5).allowed()).isFalse();
    }

    @Test
    void refusedByTheUsersBucketTheAddressGivesNothingEither() {
        List<RateLimiter.Limit> addressThenUser = List.of(new RateLimiter.Limit("ip:q", 2),
                new RateLimiter.Limit("user:q", 1));
        assertThat(limiter.check(addressThenUser, 1, "rev:none").outcome().allowed()).isTrue();
        RateLimiter.Outcome refused = limiter.check(addressThenUser, 1, "rev:none").outcome();
        assertThat(refused.refused()).isEqualTo(1);
        // One of the address's two tokens is left.
        assertThat(limiter.tryConsume("ip:q", 2).allowed()).isTrue();
        assertThat(limiter.tryConsume("ip:q", 2).allowed()).isFalse();
    }

    @Test
    void withRedisDownTheLimitHoldsPerInstanceOnTheApplicationClock() {
        RedisConnections down = new RedisConnections("redis://127.0.0.1:1");
        try {
            RedisRateLimiter unreachable = new RedisRateLimiter(down, prefix,
                    new LocalRateLimiter(new ClockTimeMeter(clock)));
            clock.freeze();
            for (int i = 0; i < 3; i++) {
                assertThat(unreachable.tryConsume("ip:d", 3).allowed()).isTrue();
            }
            RateLimiter.Decision refused = unreachable.tryConsume("ip:d", 3);
            assertThat(refused.allowed()).isFalse();
            assertThat(refused.retryAfterSeconds()).isEqualTo(20);
            clock.advance(Duration.ofSeconds(20));
            assertThat(unreachable.tryConsume("ip:d", 3).allowed()).isTrue();
            assertThat(unreachable.tryConsume("ip:d", 3).allowed()).isFalse();
            // The combined call reports the outage, so the caller can ask the database about revocations.
            assertThatThrownBy(() -> unreachable.check(List.of(), 0, "rev:x"))
                    .isInstanceOf(SharedState.UnavailableException.class);
        } finally {
            down.close();
        }
    }
}
