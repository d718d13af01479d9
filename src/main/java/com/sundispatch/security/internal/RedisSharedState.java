package com.sundispatch.security.internal;

import java.time.Duration;
import java.util.OptionalLong;

import io.lettuce.core.ExpireArgs;
import io.lettuce.core.RedisException;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.sync.RedisCommands;

import com.sundispatch.security.SharedState;

/** Shared by every instance through Redis. Failures surface as {@link UnavailableException}. */
class RedisSharedState implements SharedState {

    private final RedisConnections connections;
    private final String prefix;

    RedisSharedState(RedisConnections connections, String prefix) {
        this.connections = connections;
        this.prefix = prefix;
    }

    @Override
    public long increment(String key, Duration ttl) {
        try {
            RedisCommands<String, String> redis = connections.strings();
            long value = redis.incr(prefix + key);
            redis.pexpire(prefix + key, ttl.toMillis(), ExpireArgs.Builder.nx());
            return value;
        } catch (RedisException e) {
            throw unavailable(e);
        }
    }

    @Override
    public OptionalLong get(String key) {
        try {
            String v = connections.strings().get(prefix + key);
            return v == null ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(v));
        } catch (RedisException e) {
            throw unavailable(e);
        }
    }

    @Override
    public void set(String key, long value, Duration ttl) {
        try {
            connections.strings().set(prefix + key, Long.toString(value), SetArgs.Builder.px(ttl.toMillis()));
        } catch (RedisException e) {
            throw unavailable(e);
        }
    }

    @Override
    public void delete(String key) {
        try {
            connections.strings().del(prefix + key);
        } catch (RedisException e) {
            throw unavailable(e);
        }
    }

    private static UnavailableException unavailable(RedisException e) {
        return new UnavailableException("Redis unavailable", e);
    }
}
