package com.sundispatch.security.internal;

import java.time.Duration;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;

/**
 * Lazily opened Redis connections, so the server starts (and serves with per-instance state) even when
 * Redis is not reachable yet; Lettuce reconnects on its own once a connection exists.
 */
class RedisConnections implements AutoCloseable {

    private final RedisClient client;
    private volatile StatefulRedisConnection<String, String> strings;
    private volatile StatefulRedisConnection<String, byte[]> buckets;

    RedisConnections(String url) {
        RedisURI uri = RedisURI.create(url);
        uri.setTimeout(Duration.ofMillis(500));
        this.client = RedisClient.create(uri);
        client.setOptions(ClientOptions.builder()
                .socketOptions(SocketOptions.builder().connectTimeout(Duration.ofMillis(500)).build())
                .timeoutOptions(TimeoutOptions.enabled(Duration.ofMillis(500)))
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .build());
    }

    /** After a failed connect, callers get an immediate error for a few seconds instead of waiting again. */
    private volatile long retryAfterNanos;

    RedisCommands<String, String> strings() {
        StatefulRedisConnection<String, String> c = strings;
        if (c == null) {
            synchronized (this) {
                if (strings == null) {
                    strings = connect(() -> client.connect());
                }
                c = strings;
            }
        }
        return c.sync();
    }

    /**
     * Opens the connection before the first request needs it. The first connect of a process also loads and
     * starts Netty, which on a busy machine can take longer than the 500 ms a request may wait: it then fell
     * back to per-instance state for the next 5 s. A few attempts here, without the back-off; Redis that
     * refuses outright costs three quick failures.
     */
    void warmUp() {
        for (int attempt = 1; ; attempt++) {
            retryAfterNanos = System.nanoTime();
            try {
                strings().ping();
                return;
            } catch (RedisException e) {
                if (attempt == 3) {
                    throw e;
                }
            }
        }
    }

    private <T> T connect(java.util.function.Supplier<T> connector) {
        if (System.nanoTime() - retryAfterNanos < 0) {
            throw new io.lettuce.core.RedisConnectionException("Redis unreachable; not retrying yet");
        }
        try {
            return connector.get();
        } catch (RuntimeException e) {
            retryAfterNanos = System.nanoTime() + 5_000_000_000L;
            throw e;
        }
    }

    StatefulRedisConnection<String, byte[]> buckets() {
        StatefulRedisConnection<String, byte[]> c = buckets;
        if (c == null) {
            synchronized (this) {
                if (buckets == null) {
                    buckets = connect(() -> client.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE)));
                }
                c = buckets;
            }
        }
        return c;
    }

    @Override
    public void close() {
        client.shutdown();
    }
}
