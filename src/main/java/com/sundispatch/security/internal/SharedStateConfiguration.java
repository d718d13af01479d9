package com.sundispatch.security.internal;

import java.time.Clock;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.Environment;

import com.sundispatch.security.SessionStatusSource;
import com.sundispatch.security.SharedState;

/**
 * Chooses where shared state lives: Redis when {@code spring.data.redis.url} (SPRING_DATA_REDIS_URL) is set,
 * this process otherwise.
 */
@Configuration(proxyBeanMethods = false)
class SharedStateConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SharedStateConfiguration.class);

    /** The Redis connections and store, when configured. */
    static final class RedisSupport implements AutoCloseable {
        final Optional<RedisConnections> connections;
        final Optional<RedisSharedState> state;

        RedisSupport(Optional<RedisConnections> connections, String prefix) {
            this.connections = connections;
            this.state = connections.map(c -> new RedisSharedState(c, prefix));
        }

        @Override
        public void close() {
            connections.ifPresent(RedisConnections::close);
        }
    }

    @Bean(destroyMethod = "close")
    RedisSupport redisSupport(Environment env, @Value("${sundispatch.redis.key-prefix:sd:}") String prefix) {
        String url = env.getProperty("spring.data.redis.url");
        if (url == null || url.isBlank()) {
            log.info("No SPRING_DATA_REDIS_URL: rate limits, login-failure counters and revocations are "
                    + "kept in this process (fine for one instance).");
            return new RedisSupport(Optional.empty(), prefix);
        }
        log.info("Shared state (rate limits, login failures, revocations) is kept in Redis.");
        return new RedisSupport(Optional.of(new RedisConnections(url)), prefix);
    }

    @Bean
    InMemorySharedState localSharedState() {
        return new InMemorySharedState();
    }

    @Bean
    @Primary
    SharedState sharedState(RedisSupport redis, InMemorySharedState local) {
        return redis.state.<SharedState>map(r -> new ResilientSharedState(r, local)).orElse(local);
    }

    @Bean
    SharedSessionRevocations sessionRevocations(InMemorySharedState local, RedisSupport redis,
            ObjectProvider<SessionStatusSource> records, Clock clock) {
        return new SharedSessionRevocations(local, redis.state, records, clock);
    }

    @Bean
    RateLimiter rateLimiter(RedisSupport redis, @Value("${sundispatch.redis.key-prefix:sd:}") String prefix,
            Clock clock) {
        LocalRateLimiter local = new LocalRateLimiter(new ClockTimeMeter(clock));
        return redis.connections.<RateLimiter>map(c -> new RedisRateLimiter(c, prefix, local)).orElse(local);
    }

    /** Redis connected (and the rate-limit script loaded) before the first request, not by it. */
    @Bean
    ApplicationListener<ApplicationReadyEvent> redisWarmUp(RateLimiter limiter) {
        return event -> {
            if (limiter instanceof RedisRateLimiter redis) {
                redis.warmUp();
            }
        };
    }

    @Bean
    SessionGate sessionGate(SharedSessionRevocations revocations, RateLimiter limiter, RateLimitProperties limits) {
        Optional<RedisRateLimiter> redis = limiter instanceof RedisRateLimiter r ? Optional.of(r) : Optional.empty();
        return new SessionGate(revocations, limiter, redis, limits);
    }
}
