package com.sundispatch.security.internal;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

import com.sundispatch.security.SessionStatusSource;
import com.sundispatch.security.Secrets;

/** JWT verification (signature and every validator), the revocation check and the rate-limit check. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class SecurityHotPathsJmh {

    private JwtDecoder decoder;
    private String token;
    private SharedSessionRevocations revocations;
    private LocalRateLimiter limiter;

    @Setup
    public void setUp() throws Exception {
        byte[] key = "jmh-secret-jmh-secret-jmh-secret-0123456789".getBytes(StandardCharsets.UTF_8);
        Secrets secrets = new Secrets(key, key, key, key);
        SecurityProperties props = new SecurityProperties("sundispatch", "sundispatch-api", Duration.ofMinutes(15),
                Duration.ofSeconds(30), 65536, List.of(), List.of(), List.of());
        Clock clock = Clock.systemUTC();
        InMemorySharedState local = new InMemorySharedState();
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        revocations = new SharedSessionRevocations(local, Optional.empty(),
                beans.getBeanProvider(SessionStatusSource.class), clock);
        for (int i = 0; i < 10_000; i++) {
            revocations.revoke("revoked-" + i, clock.instant().plusSeconds(900));
        }
        limiter = new LocalRateLimiter(new ClockTimeMeter(clock));
        SessionGate gate = new SessionGate(revocations, limiter, Optional.empty(),
                new RateLimitProperties(true, 10, 300, 1_000_000_000L, 60));
        decoder = new JwtDecoding().jwtDecoder(secrets, props, gate, clock);
        token = new JwtAccessTokens(secrets, props, clock).issue("user-1", List.of("CUSTOMER"), "session-1", false)
                .value();
    }

    @Benchmark
    public Jwt jwtVerification() {
        return decoder.decode(token);
    }

    @Benchmark
    public boolean revocationCheck() {
        return revocations.isRevoked("session-1");
    }

    @Benchmark
    public boolean rateLimitCheck() {
        return limiter.tryConsume("user:user-1", 1_000_000_000L).allowed();
    }
}
