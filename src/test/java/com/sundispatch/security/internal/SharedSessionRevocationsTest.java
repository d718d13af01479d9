package com.sundispatch.security.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

import com.sundispatch.security.SessionStatusSource;
import com.sundispatch.security.SharedState;
import com.sundispatch.support.MutableClock;

/**
 * Other instances trust Redis when it answers: a revocation Redis did not take (a failed write, or this instance
 * backing off after a failed connect) would let the session through elsewhere, so it is written again until
 * Redis has it.
 */
class SharedSessionRevocationsTest {

    private final MutableClock clock = new MutableClock();
    private final FlakyRedis redis = new FlakyRedis();
    private final SharedSessionRevocations revocations = new SharedSessionRevocations(new InMemorySharedState(),
            Optional.of(redis), new StaticListableBeanFactory().getBeanProvider(SessionStatusSource.class), clock);

    @Test
    void aRevocationRedisDidNotTakeIsWrittenAgainUntilRedisHasIt() {
        clock.freeze();
        redis.down = true;
        revocations.revoke("s1", clock.instant().plusSeconds(900));
        assertThat(revocations.isRevokedHere("s1")).isTrue();
        assertThat(redis.values).doesNotContainKey("rev:s1");

        revocations.shareUnshared();
        assertThat(revocations.unsharedCount()).isEqualTo(1);

        redis.down = false;
        revocations.shareUnshared();
        assertThat(redis.values).containsEntry("rev:s1", clock.instant().plusSeconds(900).toEpochMilli());
        assertThat(revocations.unsharedCount()).isZero();
    }

    @Test
    void aRevocationThatEndedWhileRedisWasDownIsDropped() {
        clock.freeze();
        redis.down = true;
        revocations.revoke("s2", clock.instant().plusSeconds(30));
        clock.advance(Duration.ofMinutes(5));
        redis.down = false;
        revocations.shareUnshared();
        assertThat(redis.values).doesNotContainKey("rev:s2");
        assertThat(revocations.unsharedCount()).isZero();
    }

    /** Redis as the revocations use it, failing like an unreachable server while {@code down}. */
    private static final class FlakyRedis extends RedisSharedState {
        final Map<String, Long> values = new ConcurrentHashMap<>();
        volatile boolean down;

        FlakyRedis() {
            super(null, "");
        }

        @Override
        public void set(String key, long value, Duration ttl) {
            if (down) {
                throw new SharedState.UnavailableException("down", null);
            }
            values.put(key, value);
        }

        @Override
        public OptionalLong get(String key) {
            Long v = values.get(key);
            return v == null ? OptionalLong.empty() : OptionalLong.of(v);
        }
    }
}
