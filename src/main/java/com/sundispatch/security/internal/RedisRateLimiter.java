package com.sundispatch.security.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.OptionalLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.lettuce.core.RedisException;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.sync.RedisCommands;

import com.sundispatch.security.SharedState;

/**
 * Token buckets in Redis, shared by every instance: one Lua script call (EVALSHA) per check, however many
 * buckets the request spends from, so concurrent requests on one key neither retry nor serialise in Java.
 * Time is Redis' own ({@code TIME}), so instances with skewed clocks agree. While Redis is unreachable, this
 * instance's own buckets apply (a limit per instance rather than none). The algorithm is in
 * docs/rate-limits.md.
 */
class RedisRateLimiter implements RateLimiter {

    /**
     * KEYS[1..n] buckets, KEYS[n+1] (optional) a key to read in the same round trip; ARGV[1] = n, ARGV[2] = a,
     * ARGV[2+i] = the per-minute size of bucket i. A bucket is a hash {v = level, t = last update in Redis
     * microseconds}. Levels are kept in 1/60,000,000 of a token, so a bucket of r a minute refills r units a
     * microsecond and all arithmetic stays in exact integers (doubles are exact to 2^53: r up to 150 million a
     * minute). Either every bucket gives one token or none does. A bucket expires once it would be full again
     * anyway. When the read key exists (a revoked session) only the first a buckets (the address's, which every
     * request spends) are checked and spent. Returns {refused index or 0, microseconds until it has a token, the
     * read value or nil, 1 if tokens were spent}.
     */
    static final String SCRIPT = """
            local n = tonumber(ARGV[1])
            local read = false
            if #KEYS > n then read = redis.call('GET', KEYS[n + 1]) end
            local m = n
            if read then m = tonumber(ARGV[2]) end
            if m == 0 then return {0, 0, read, 0} end
            local time = redis.call('TIME')
            local now = tonumber(time[1]) * 1000000 + tonumber(time[2])
            local unit = 60000000
            local levels = {}
            for i = 1, m do
              local rate = tonumber(ARGV[2 + i])
              local capacity = rate * unit
              local state = redis.call('HMGET', KEYS[i], 'v', 't')
              local level = capacity
              if state[1] and state[2] then
                local elapsed = math.max(0, now - tonumber(state[2]))
                level = math.min(capacity, tonumber(state[1]) + elapsed * rate)
              end
              if level < unit then
                return {i, math.ceil((unit - level) / rate), read, 0}
              end
              levels[i] = level
            end
            for i = 1, m do
              local rate = tonumber(ARGV[2 + i])
              local level = levels[i] - unit
              redis.call('HSET', KEYS[i], 'v', string.format('%.0f', level), 't', string.format('%.0f', now))
              redis.call('PEXPIRE', KEYS[i], math.ceil((rate * unit - level) / rate / 1000) + 1000)
            end
            return {0, 0, read, 1}
            """;

    private static final Logger log = LoggerFactory.getLogger(RedisRateLimiter.class);
    private static final long WARN_EVERY_NANOS = Duration.ofSeconds(30).toNanos();

    /** What one script call found: the limits' outcome, the value read, and whether any token was spent. */
    record Checked(Outcome outcome, OptionalLong value, boolean spent) {
    }

    private final RedisConnections connections;
    private final String prefix;
    private final LocalRateLimiter fallback;
    private static final String SHA = sha1(SCRIPT);
    private volatile long lastWarning = System.nanoTime() - WARN_EVERY_NANOS;

    RedisRateLimiter(RedisConnections connections, String prefix, LocalRateLimiter fallback) {
        this.connections = connections;
        this.prefix = prefix;
        this.fallback = fallback;
    }

    /** Connects and loads the script ahead of the first request; a failure only means the fallback applies. */
    void warmUp() {
        try {
            connections.warmUp();
            connections.strings().scriptLoad(SCRIPT);
        } catch (RedisException e) {
            warn(e);
        }
    }

    LocalRateLimiter fallback() {
        return fallback;
    }

    @Override
    public Outcome tryConsume(List<Limit> limits) {
        try {
            return check(limits, 0, null).outcome();
        } catch (SharedState.UnavailableException e) {
            return fallback.tryConsume(limits);
        }
    }

    /**
     * Spends from {@code limits} and reads the {@link SharedState} key {@code stateKey} (unprefixed, may be
     * null) in one round trip; when that key exists, only the first {@code always} limits are spent. Throws
     * {@link SharedState.UnavailableException} when Redis cannot answer.
     */
    Checked check(List<Limit> limits, int always, String stateKey) {
        int n = limits.size();
        String[] keys = new String[stateKey == null ? n : n + 1];
        String[] args = new String[n + 2];
        args[0] = Integer.toString(n);
        args[1] = Integer.toString(always);
        for (int i = 0; i < n; i++) {
            Limit limit = limits.get(i);
            keys[i] = prefix + "rl2:" + limit.key() + "|" + limit.perMinute();
            args[i + 2] = Long.toString(limit.perMinute());
        }
        if (stateKey != null) {
            keys[n] = prefix + stateKey;
        }
        List<Object> reply;
        try {
            RedisCommands<String, String> redis = connections.strings();
            try {
                reply = redis.evalsha(SHA, ScriptOutputType.MULTI, keys, args);
            } catch (RedisNoScriptException e) {
                // After a restart or SCRIPT FLUSH: EVAL sends the text once and Redis caches it again.
                reply = redis.eval(SCRIPT, ScriptOutputType.MULTI, keys, args);
            }
        } catch (RedisException e) {
            warn(e);
            throw new SharedState.UnavailableException("Redis unavailable", e);
        }
        int refused = ((Number) reply.get(0)).intValue();
        long waitMicros = ((Number) reply.get(1)).longValue();
        Object read = reply.get(2);
        Outcome outcome = refused == 0 ? Outcome.ALLOWED
                : new Outcome(refused - 1, RateLimiter.retryAfterSeconds(waitMicros * 1_000L));
        OptionalLong value = read == null ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(read.toString()));
        return new Checked(outcome, value, ((Number) reply.get(3)).intValue() == 1);
    }

    /** EVALSHA names a script by the SHA-1 of its text (Redis' choice, not a security measure). */
    static String sha1(String script) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1")
                    .digest(script.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is a required JDK algorithm", e);
        }
    }

    private void warn(RedisException e) {
        long now = System.nanoTime();
        if (now - lastWarning >= WARN_EVERY_NANOS) {
            lastWarning = now;
            log.warn("Redis is unreachable: rate limits are per instance until it is back ({})",
                    e.getClass().getSimpleName());
        }
    }
}
